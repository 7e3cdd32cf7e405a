package dev.parjit.analysis;

import dev.parjit.analysis.lattice.CallModel;
import java.util.Set;

/**
 * What the analysis of one method needs to know beyond its bytecode.
 *
 * @param distributed     the {@code @Jit(distributed = ...)} names (parameters, {@code "return"})
 * @param jitCalls        what other {@code @Jit} methods accept and return (the call-graph fixed point)
 * @param calleeParams    parameter indexes that callers may pass distributed chunks to (SPMD: those
 *                        parameters take this rank's block on entry; spawn: all array parameters do)
 * @param lazyFrameReturns spawn mode's entry point for the driver: a distributed frame is returned
 *                        as it is (a lazy result kept on the workers) instead of gathered
 */
public record AnalysisContext(Set<String> distributed, CallModel jitCalls, Set<Integer> calleeParams,
    boolean lazyFrameReturns) {

  public AnalysisContext(Set<String> distributed, CallModel jitCalls, Set<Integer> calleeParams) {
    this(distributed, jitCalls, calleeParams, false);
  }

  /** A method analysed on its own. */
  public static AnalysisContext alone(Set<String> distributed) {
    return new AnalysisContext(distributed, CallModel.NONE, Set.of());
  }

  /** The same context, returning distributed frames lazily. */
  public AnalysisContext withLazyFrameReturns() {
    return new AnalysisContext(distributed, jitCalls, calleeParams, true);
  }
}

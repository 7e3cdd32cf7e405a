package dev.parjit.analysis;

import dev.parjit.analysis.lattice.CallModel;
import dev.parjit.analysis.plan.Distribution;
import java.util.Map;
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
 * @param paramSeeds      spawn mode, a specialization: parameter index to the distribution its
 *                        argument arrives in ({@code 1D_Block} scattered, {@code 1D_Var} a lazy
 *                        result, {@code REP} whole); a parameter not listed starts as in the default
 *                        compilation (arrays {@code 1D_Block}, frames {@code 1D_Var})
 * @param replicated      the {@code @Jit(replicated = ...)} names: those parameters are REP whatever
 *                        arrives, and {@code "return"} gathers the result instead of keeping it lazy
 */
public record AnalysisContext(Set<String> distributed, CallModel jitCalls, Set<Integer> calleeParams,
    boolean lazyFrameReturns, Map<Integer, Distribution> paramSeeds, Set<String> replicated) {

  public AnalysisContext {
    paramSeeds = Map.copyOf(paramSeeds);
    replicated = Set.copyOf(replicated);
  }

  public AnalysisContext(Set<String> distributed, CallModel jitCalls, Set<Integer> calleeParams) {
    this(distributed, jitCalls, calleeParams, false, Map.of(), Set.of());
  }

  /** A method analysed on its own. */
  public static AnalysisContext alone(Set<String> distributed) {
    return new AnalysisContext(distributed, CallModel.NONE, Set.of());
  }

  /** The same context, returning distributed frames lazily. */
  public AnalysisContext withLazyFrameReturns() {
    return new AnalysisContext(distributed, jitCalls, calleeParams, true, paramSeeds, replicated);
  }

  /** The same context for the specialization whose arguments arrive as {@code seeds} say. */
  public AnalysisContext withParamSeeds(Map<Integer, Distribution> seeds) {
    return new AnalysisContext(distributed, jitCalls, calleeParams, lazyFrameReturns, seeds, replicated);
  }

  /** The same context with the {@code @Jit(replicated = ...)} names. */
  public AnalysisContext withReplicated(Set<String> names) {
    return new AnalysisContext(distributed, jitCalls, calleeParams, lazyFrameReturns, paramSeeds, names);
  }
}

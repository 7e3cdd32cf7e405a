package dev.parjit.analysis;

import dev.parjit.analysis.plan.ArrayReduction;
import dev.parjit.analysis.plan.CountedLoop;
import dev.parjit.analysis.plan.GuardedExtremum;
import dev.parjit.analysis.plan.ScalarReduction;
import java.util.List;

/**
 * One loop's decision: parallel with its reductions, or sequential with the {@link Decline} that
 * kept it so.
 *
 * @param shape  the counted shape, or {@code null} when the loop has none
 * @param extrema the loop's guarded extrema ({@code if (v > best) { best = v; ... }})
 * @param reason why the loop stays sequential, or {@code null} when it runs chunked over ranks
 */
record LoopDecision(CountedLoop shape, List<ScalarReduction> reductions, List<ArrayReduction> arrayReductions,
    List<GuardedExtremum> extrema, Decline reason) {

  /** Sequential, for {@code reason}. */
  static LoopDecision declined(CountedLoop shape, Decline reason) {
    return new LoopDecision(shape, List.of(), List.of(), List.of(), reason);
  }

  boolean parallel() {
    return reason == null;
  }
}

package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.HaloRead;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.targets.IndexedReadTargets;
import dev.parjit.analysis.targets.InvariantMatrixTargets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link InvariantArrays}: a CSR row loop's exchanges are marked invariant (computed once per call)
 * only when nothing in the method may write the matrix: not a store, not a call taking it, not a
 * store into another parameter or into a copy of its variable.
 */
class InvariantArraysTest {

  private static MethodPlan plan(Class<?> owner, String name, ExecutionMode mode) throws Exception {
    return TargetPlans.plan(owner, name, mode);
  }

  /** The halo reads of the parallel row loop holding the indexed read {@code x[col[k]]}. */
  private static List<HaloRead> rowLoopReads(MethodPlan p) {
    LoopPlan rows = p.loops().stream().filter(l -> l.haloReads().stream().anyMatch(HaloRead::isIndexed))
        .findFirst().orElseThrow(() -> new AssertionError("no indexed read: " + RowDistributionTest.reps(p)));
    assertTrue(rows.parallel(), rows.reason());
    return rows.haloReads();
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void aMatrixTheMethodOnlyReadsIsExchangedOncePerCall(ExecutionMode mode) throws Exception {
    for (MethodPlan p : List.of(plan(InvariantMatrixTargets.class, "repeated", mode),
        plan(IndexedReadTargets.class, "solve", mode))) {
      List<HaloRead> reads = rowLoopReads(p);
      assertTrue(reads.stream().allMatch(HaloRead::invariant), reads.toString());
      if (mode == ExecutionMode.SPAWN) {
        // the matrix arrives in blocks: row pointer halo, two segments and the indexed read, all memoized
        assertTrue(reads.stream().anyMatch(HaloRead::isSegment), reads.toString());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void aMatrixThatMayBeWrittenIsExchangedAtEveryEntryOfTheLoop(ExecutionMode mode) throws Exception {
    // a written column index, the column indices passed to a callee, another parameter written (the
    // caller may pass the matrix as it): the row loop stays parallel, and none of its exchanges is
    // memoized, since a written parameter may be any of the matrix's arrays
    for (String name : List.of("writtenAfter", "passedToCall", "otherParameterWritten")) {
      List<HaloRead> reads = rowLoopReads(plan(InvariantMatrixTargets.class, name, mode));
      assertTrue(reads.stream().noneMatch(HaloRead::invariant), name + ": " + reads);
    }
    // the row pointer copied into another variable and written through it: nothing memoized either
    // (the analysis keeps the loops sequential: the copy escapes what it models)
    MethodPlan copy = plan(InvariantMatrixTargets.class, "writtenThroughACopy", mode);
    assertTrue(copy.loops().stream().flatMap(l -> l.haloReads().stream()).noneMatch(HaloRead::invariant));
  }
}

package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.BoundKind;
import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loop shapes as sequential Java code writes them: bounds from fields and lengths, any start, steps, directions. */
class LoopShapesTest {

  private static LoopPlan only(MethodPlan p) {
    assertEquals(1, p.loops().size());
    return p.loops().get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"staticBound", "fieldBound", "fieldArrayLength", "finalLocal", "interior", "stepTwo",
      "lessOrEqual", "notEqual", "notEqualLong", "halfBound", "countDown", "countDownMap", "countDownStrict"})
  void theseLoopsRunInParallelInSpawnMode(String name) throws Exception {
    LoopPlan loop = only(RowDistributionTest.plan(name, ExecutionMode.SPAWN));
    assertTrue(loop.parallel(), name + ": " + loop.reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"notEqualFrom", "notEqualToParameter"})
  void anIndexThatMayStartPastItsNotEqualBoundIsNoCountedLoop(String name) throws Exception {
    LoopPlan loop = only(RowDistributionTest.plan(name, ExecutionMode.SPMD));
    assertFalse(loop.parallel());
    assertEquals("i != n where the index may start past its bound (i = 0; i != a.length is counted)", loop.reason());
  }

  @Test
  void countingDownIsRecognisedWithItsBoundAndNegativeStep() throws Exception {
    LoopPlan down = only(RowDistributionTest.plan("countDown", ExecutionMode.SPMD));
    assertEquals(BoundKind.GE, down.shape().kind());
    assertEquals(-1, down.shape().step());
    assertTrue(down.shape().boundInsns().isEmpty(), "i >= 0 compares with zero");
    LoopPlan strict = only(RowDistributionTest.plan("countDownStrict", ExecutionMode.SPMD));
    assertEquals(BoundKind.GT, strict.shape().kind());
    assertEquals(-3, strict.shape().step());
    MethodPlan map = RowDistributionTest.plan("countDownMap", ExecutionMode.SPAWN);
    assertEquals(Distribution.ONE_D_BLOCK, map.paramDistributions().get(0), "a[i] counting down keeps a scattered");
  }

  @Test
  void aLoopCountingDownThatReadsTheNextIndexStaysSequentialWithItsReason() throws Exception {
    MethodPlan p = RowDistributionTest.plan("countDownPrefix", ExecutionMode.SPAWN);
    LoopPlan loop = only(p);
    assertFalse(loop.parallel());
    // The loop-carried dependence rule names it (a counting-down prefix reads what the next iteration wrote).
    assertTrue(loop.reason().startsWith("it reads 'a' at i - 1 and writes it in the same loop"), loop.reason());
  }

  @Test
  void aCountDownWithAnArrayReductionStaysSequential() throws Exception {
    LoopPlan loop = only(RowDistributionTest.plan("countDownHistogram", ExecutionMode.SPMD));
    assertFalse(loop.parallel());
    assertEquals("it counts down and updates an array reduction", loop.reason());
  }

  @Test
  void aLoopWithMoreScalarReductionsThanItsCombineHoldsStaysSequentialWithItsReason() throws Exception {
    assertTrue(only(RowDistributionTest.plan("sums63", ExecutionMode.SPMD)).parallel(), "63 sums fit");
    LoopPlan loop = only(RowDistributionTest.plan("sums64", ExecutionMode.SPMD));
    assertFalse(loop.parallel());
    assertEquals("it has 64 scalar reductions, more than the 63 one parallel loop combines", loop.reason());
  }

  @Test
  void anArrayReductionReadingAStaticThatMayBeItsArrayStaysSequential() throws Exception {
    LoopPlan loop = only(RowDistributionTest.plan("mirrorAdd", ExecutionMode.SPMD));
    assertFalse(loop.parallel());
    assertEquals("it accumulates into array 'd' and reads static field ShapeTargets.mirrorWeights, which may be that array",
        loop.reason());
    LoopPlan other = only(RowDistributionTest.plan("mirrorAddOtherType", ExecutionMode.SPMD));
    assertTrue(other.parallel(), "a long[][] static cannot be or hold a double[]: " + other.reason());
  }

  @Test
  void aThrowWhoseMessageReadsTheSumSoFarStaysSequential() throws Exception {
    LoopPlan loop = only(RowDistributionTest.plan("sumUntilTooBig", ExecutionMode.SPMD));
    assertFalse(loop.parallel());
    assertTrue(loop.reason().startsWith("it can leave early"), loop.reason());
    LoopPlan at = only(RowDistributionTest.plan("sumUntilTooBigAt", ExecutionMode.SPMD));
    assertTrue(at.parallel(), "a message from the element and its index: " + at.reason());
  }
}

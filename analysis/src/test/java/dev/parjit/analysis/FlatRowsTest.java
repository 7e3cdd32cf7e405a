package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Row-major 2-D data in a 1-D array, {@code a[k * i + j]}: distributed in blocks of whole rows, or REP with a reason. */
class FlatRowsTest {

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void aFillThenAnInPlaceUpdateRunOverTheRowsEachRankOwns(ExecutionMode mode) throws Exception {
    MethodPlan p = RowDistributionTest.plan("flatScale", mode);
    LoopPlan fill = p.loops().get(0);
    LoopPlan update = p.loops().get(2);
    assertTrue(fill.parallel(), fill.reason());
    assertTrue(update.parallel(), update.reason());
    assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("a"));
    assertTrue(fill.rowWidth() != null && !fill.rowWidth().isConstant(), "the fill runs over rows of k");
    assertEquals(fill.rowWidth(), update.rowWidth(), "k * i + j and i * k + j: the same width");
    assertEquals(1, p.rowAllocations().size(), "new double[rows * k] is allocated in blocks of rows");
    assertEquals(fill.rowWidth(), p.rowAllocations().values().iterator().next());
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void rowsIndexedTogetherWithAnArrayIndexedByRowStaySequential(ExecutionMode mode) throws Exception {
    MethodPlan p = RowDistributionTest.plan("flatMixed", mode);
    LoopPlan loop = p.loops().get(0);
    assertFalse(loop.parallel());
    // First declined for mixing rows and elements; its arrays then lose their distribution, and the
    // final reason is the write into an array that is no longer distributed.
    assertTrue(loop.reason().startsWith("it writes into an array that is not distributed with the loop"), loop.reason());
    assertEquals(Distribution.REP, p.variables().get("a"));
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void aColumnLoopFromOneStaysInTheRowAndRunsOverRows(ExecutionMode mode) throws Exception {
    MethodPlan p = RowDistributionTest.plan("flatFromColumnOne", mode);
    assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("a"), RowDistributionTest.reps(p));
    assertTrue(p.loops().get(0).parallel(), p.loops().get(0).reason());
  }
}

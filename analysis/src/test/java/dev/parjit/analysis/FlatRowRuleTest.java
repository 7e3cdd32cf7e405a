package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.plan.RowParameter;
import dev.parjit.analysis.plan.RowWidth;
import dev.parjit.analysis.targets.FlatRowTargets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rule for rows in 1-D arrays ({@link FlatRows}): an array accessed only at {@code k * i + c}
 * ({@code c} in {@code [0, k)}) is split in blocks of whole rows; any other column keeps it REP.
 */
class FlatRowRuleTest {

  private static MethodPlan plan(String name, ExecutionMode mode) throws Exception {
    return TargetPlans.plan(FlatRowTargets.class, name, mode);
  }

  @Test
  void blocksAtConstantOffsetsOfALocalBaseAreRowsOfEight() throws Exception {
    MethodPlan p = plan("blocks", ExecutionMode.SPAWN);
    LoopPlan loop = p.loops().get(0);
    assertTrue(loop.parallel(), loop.reason());
    assertEquals(RowWidth.ofConstant(8), loop.rowWidth(), "the block loop counts rows of 8");
    assertEquals(Distribution.ONE_D_BLOCK, p.paramDistributions().get(0));
    assertEquals(java.util.List.of(new RowParameter(0, RowWidth.ofConstant(8), true)), p.rowParameters());
    assertEquals(5 + 1, loop.accesses().size(), "every data[base + c] is translated (the in-row loop's one read too)");
  }

  @Test
  void pairsSteppingByTwoAreRowsOfTwoOverElements() throws Exception {
    MethodPlan p = plan("pairs", ExecutionMode.SPAWN);
    LoopPlan loop = p.loops().get(0);
    assertTrue(loop.parallel(), loop.reason());
    assertNull(loop.rowWidth(), "the index counts elements: the range is the elements each rank owns");
    assertEquals(java.util.List.of(new RowParameter(0, RowWidth.ofConstant(2), true)), p.rowParameters());
    assertEquals(4, loop.accesses().size());
  }

  @Test
  void pairsAtTwoBIntoAFreshArrayAllocateItInRowsOfTwoInBothModes() throws Exception {
    for (ExecutionMode mode : ExecutionMode.values()) {
      MethodPlan p = plan("pairsInto", mode);
      LoopPlan loop = p.loops().get(0);
      assertTrue(loop.parallel(), mode + ": " + loop.reason());
      assertEquals(RowWidth.ofConstant(2), loop.rowWidth());
      assertEquals(1, p.rowAllocations().size(), "out is allocated in rows of 2");
      assertEquals(RowWidth.ofConstant(2), p.rowAllocations().values().iterator().next());
      assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("out"));
    }
    MethodPlan spmd = plan("pairsInto", ExecutionMode.SPMD);
    assertEquals(Distribution.REP, spmd.paramDistributions().get(0), "SPMD parameters stay replicated");
    MethodPlan spawn = plan("pairsInto", ExecutionMode.SPAWN);
    assertEquals(java.util.List.of(new RowParameter(0, RowWidth.ofConstant(2), false)), spawn.rowParameters(),
        "v is only read: not copied back");
  }

  @Test
  void aReadOfTheNextBlockIsAnotherRowAndKeepsTheLoopSequential() throws Exception {
    MethodPlan p = plan("readsNextBlock", ExecutionMode.SPAWN);
    assertFalse(p.loops().get(0).parallel());
    assertEquals(Distribution.REP, p.paramDistributions().get(0));
    assertTrue(RowDistributionTest.reasonFor(p, "data").startsWith("it is accessed at an index other than the"
        + " parallel loop's"), RowDistributionTest.reps(p));
  }

  @Test
  void anOffsetOfAWholeStepOverlapsRowsAndStaysSequential() throws Exception {
    MethodPlan p = plan("overlapping", ExecutionMode.SPAWN);
    LoopPlan loop = p.loops().get(0);
    assertFalse(loop.parallel());
    assertTrue(loop.reason().contains("loop-carried dependence"), loop.reason());
  }

  @Test
  void aWidthReadFromAFieldIsNoRow() throws Exception {
    MethodPlan p = plan("fieldWidth", ExecutionMode.SPAWN);
    assertFalse(p.loops().get(0).parallel());
    assertEquals(Distribution.REP, p.paramDistributions().get(0));
  }

  @Test
  void aStepTwoLoopOverElementsAloneKeepsElementBlocks() throws Exception {
    MethodPlan p = plan("evens", ExecutionMode.SPAWN);
    LoopPlan loop = p.loops().get(0);
    assertTrue(loop.parallel(), loop.reason());
    assertNull(loop.rowWidth());
    assertTrue(p.rowParameters().isEmpty(), "v[i] alone is an element, split as any 1D array");
  }

  @Test
  void pairsFromAnOddStartAreNoRows() throws Exception {
    MethodPlan p = plan("oddPairs", ExecutionMode.SPAWN);
    assertFalse(p.loops().get(0).parallel());
    assertTrue(p.rowParameters().isEmpty());
  }

  @Test
  void aParameterWidthSplitsAParameterOnEntry() throws Exception {
    MethodPlan p = plan("rowsOfK", ExecutionMode.SPAWN);
    LoopPlan loop = p.loops().get(0);
    assertTrue(loop.parallel(), loop.reason());
    assertEquals(RowWidth.ofSlot(1), loop.rowWidth());
    assertEquals(java.util.List.of(new RowParameter(0, RowWidth.ofSlot(1), true)), p.rowParameters());
  }

  @Test
  void aComputedWidthKeepsAParameterWhole() throws Exception {
    MethodPlan p = plan("rowsOfComputedWidth", ExecutionMode.SPAWN);
    assertEquals(Distribution.REP, p.paramDistributions().get(0));
    assertTrue(RowDistributionTest.reasonFor(p, "a").startsWith("it is indexed as rows of 'k' elements"),
        RowDistributionTest.reps(p));
    assertFalse(p.loops().get(0).parallel());
  }

  @Test
  void anSpmdParameterIndexedAsRowsIsDeclinedWithItsReason() throws Exception {
    MethodPlan p = plan("blocks", ExecutionMode.SPMD);
    assertFalse(p.loops().get(0).parallel());
    assertTrue(p.rowParameters().isEmpty());
  }

  @Test
  void rowsOnlyReadBesideWrittenElementsAreReadWholeAndTheLoopRunsOverTheElements() throws Exception {
    MethodPlan p = plan("rowSums", ExecutionMode.SPAWN);
    LoopPlan loop = p.loops().get(0);
    assertTrue(loop.parallel(), loop.reason());
    assertNull(loop.rowWidth());
    assertEquals(Distribution.REP, p.paramDistributions().get(0));
    assertTrue(RowDistributionTest.reasonFor(p, "a").startsWith("it is read in loop #0 in another way than the"
        + " arrays that loop writes"), RowDistributionTest.reps(p));
    assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("out"));
  }

  @Test
  void elementsOnlyReadBesideWrittenRowsAreReadWholeAndTheLoopRunsOverTheRows() throws Exception {
    for (ExecutionMode mode : ExecutionMode.values()) {
      MethodPlan p = plan("spread", mode);
      LoopPlan loop = p.loops().get(0);
      assertTrue(loop.parallel(), loop.reason());
      assertEquals(RowWidth.ofSlot(1), loop.rowWidth());
      assertEquals(Distribution.REP, p.paramDistributions().get(0));
      assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("c"));
    }
  }

  @Test
  void aWidthInAFieldTheMethodNeverWritesIsRows() throws Exception {
    MethodPlan p = plan("doubleRowsOfField", ExecutionMode.SPAWN);
    LoopPlan loop = p.loops().get(0);
    assertTrue(loop.parallel(), loop.reason());
    RowWidth cols = RowWidth.ofField("dev/parjit/analysis/targets/FlatRowTargets", "cols");
    assertEquals(cols, loop.rowWidth());
    assertEquals(java.util.List.of(new RowParameter(1, cols, true)), p.rowParameters());
  }

  @Test
  void aPivotRowReadByRowsAfterItIsFetchedAndTheRowLoopRunsInParallel() throws Exception {
    MethodPlan p = plan("eliminate", ExecutionMode.SPAWN);
    LoopPlan rows = p.loops().get(0);
    assertTrue(rows.parallel(), rows.reason());
    assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("a"));
    assertEquals(RowWidth.ofSlot(1), rows.rowWidth(), "rows of n");
    assertEquals(2, rows.haloReads().size(), "a[k * n + k] and a[k * n + j] read row k");
    assertTrue(rows.haloReads().stream().allMatch(h -> h.isFixedRow() && h.fixedRow().rowSlot() == 2
        && h.fixedRow().width().equals(RowWidth.ofSlot(1))), rows.haloReads().toString());
    assertFalse(p.loops().get(1).parallel(), "the column loop runs inside the row");
  }

  @Test
  void aPivotRowInSpmdModeStaysSequential() throws Exception {
    MethodPlan p = plan("eliminate", ExecutionMode.SPMD);
    assertFalse(p.loops().get(0).parallel());
    assertEquals(Distribution.REP, p.variables().get("a"));
  }

  @ParameterizedTest
  @EnumSource(value = ExecutionMode.class)
  void aLoopReadingTheRowItStartsAtOrMayRunStaysSequential(ExecutionMode mode) throws Exception {
    for (String name : new String[] {"eliminateFromPivot", "subtractRow"}) {
      MethodPlan p = plan(name, mode);
      assertFalse(p.loops().get(0).parallel(), name);
      assertEquals(Distribution.REP, p.variables().get("a"), name);
      // SPMD: parameters are replicated before any loop is considered
      assertTrue(mode == ExecutionMode.SPMD
          || RowDistributionTest.reasonFor(p, "a").startsWith("it is accessed at an index other than"),
          name + ": " + RowDistributionTest.reps(p));
    }
  }

  @Test
  void aColumnAtALocalWithoutAFixedRowReadIsNoRowAccess() throws Exception {
    MethodPlan p = plan("clearColumn", ExecutionMode.SPAWN);
    assertFalse(p.loops().get(0).parallel());
    assertEquals(Distribution.REP, p.variables().get("a"));
    // declined at its other index first; the fixpoint's last word is the loop left sequential
    assertTrue(RowDistributionTest.reasonFor(p, "a").startsWith("it is accessed outside a parallel loop"),
        RowDistributionTest.reps(p));
  }

  @Test
  void aFirstRowKeptInALocalIsProvedAfterThePivotRow() throws Exception {
    MethodPlan p = plan("eliminateFromLocal", ExecutionMode.SPAWN);
    LoopPlan rows = p.loops().get(0);
    assertTrue(rows.parallel(), rows.reason());
    assertTrue(rows.haloReads().stream().allMatch(h -> h.isFixedRow() && h.fixedRow().rowSlot() == 2),
        rows.haloReads().toString());
    MethodPlan same = plan("eliminateFromSameRow", ExecutionMode.SPAWN);
    assertFalse(same.loops().get(0).parallel(), "first = k: the loop writes the row it reads");
    assertEquals(Distribution.REP, same.variables().get("a"));
  }

  @Test
  void twoFixedRowsOfOneArrayInOneLoopAreDeclinedByTheirRule() throws Exception {
    MethodPlan p = plan("eliminateTwo", ExecutionMode.SPAWN);
    assertFalse(p.loops().get(0).parallel());
    assertEquals(Distribution.REP, p.variables().get("a"));
    assertTrue(RowDistributionTest.reasonFor(p, "a").startsWith("it is read at two different fixed rows"),
        RowDistributionTest.reps(p));
    assertTrue(p.loops().stream().allMatch(l -> l.haloReads().isEmpty()), "no fixed row is left for the rewrite");
  }

  @Test
  void interiorColumnsAndTheirNeighboursInTheRowRunOverTheRowsEachRankOwns() throws Exception {
    for (String name : new String[] {"scaleInterior", "rowStartInALocal"}) {
      MethodPlan p = plan(name, ExecutionMode.SPAWN);
      LoopPlan rows = p.loops().get(0);
      assertTrue(rows.parallel(), name + ": " + rows.reason());
      assertEquals(RowWidth.ofSlot(3), rows.rowWidth(), name + ": rows of w");
      assertEquals(name.equals("scaleInterior") ? 4 : 2, rows.accesses().size(), name + ": every access translated");
      assertEquals(java.util.List.of(new RowParameter(0, RowWidth.ofSlot(3), false),
          new RowParameter(1, RowWidth.ofSlot(3), true)), p.rowParameters(), name + ": a read, b written");
    }
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void aNeighbourPastTheColumnLoopsMarginOrTheRowAboveIsAnotherRow(ExecutionMode mode) throws Exception {
    for (String name : new String[] {"pastTheRow", "rowAbove"}) {
      MethodPlan p = plan(name, mode);
      // b may still be split (a REP a is whole on every rank), a may not
      assertEquals(Distribution.REP, p.paramDistributions().get(0), name + " " + RowDistributionTest.reps(p));
      assertTrue(p.rowParameters().stream().noneMatch(r -> r.slot() == 0), name + " " + p.rowParameters());
    }
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void anElementLocalAssignedAfterItsUseIsNoRowAccess(ExecutionMode mode) throws Exception {
    MethodPlan p = plan("staleElement", mode);
    assertFalse(p.loops().get(0).parallel(), p.loops().get(0).reason());
    assertEquals(Distribution.REP, p.paramDistributions().get(1), RowDistributionTest.reps(p));
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void aFreshGridsInteriorIsAllocatedAndRunInRows(ExecutionMode mode) throws Exception {
    MethodPlan p = plan("interiorInto", mode);
    LoopPlan rows = p.loops().get(0);
    assertTrue(rows.parallel(), rows.reason() + " " + RowDistributionTest.reps(p));
    assertEquals(RowWidth.ofSlot(2), rows.rowWidth());
    assertEquals(java.util.List.of(RowWidth.ofSlot(2)), java.util.List.copyOf(p.rowAllocations().values()));
  }
}

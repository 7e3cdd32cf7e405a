package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.targets.RowPlacementTargets;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/**
 * {@link RowPlacement}: an array sized by a 1D_Var frame's {@code numRows()} (or a series' {@code size()})
 * takes the frame's distribution and is listed with its size read; any other array a row loop over such
 * a frame writes is REP with the rule's reason, and the loop stays whole.
 */
class RowPlacementTest {

  private static final String REASON = DeclineRule.NOT_ROW_PLACED.render();

  private static MethodPlan plan(String name, ExecutionMode mode) throws Exception {
    return plan(name, mode, AnalysisContext.alone(java.util.Set.of()));
  }

  private static MethodPlan plan(String name, ExecutionMode mode, AnalysisContext context) throws Exception {
    return TargetPlans.plan(RowPlacementTargets.class, name, mode, context);
  }

  private static void assertPlaced(MethodPlan plan, String sizeRead, int parallelLoops) {
    assertEquals(Distribution.ONE_D_VAR, plan.variables().get("out"), plan.variables().toString());
    assertEquals(1, plan.rowPlacedAllocations().size(), plan.rowPlacedAllocations().toString());
    var entry = plan.rowPlacedAllocations().entrySet().iterator().next();
    assertEquals(Opcodes.NEWARRAY, entry.getKey().getOpcode());
    assertTrue(plan.distributedAllocations().contains(entry.getKey()), "the placed allocation is distributed");
    assertEquals(sizeRead, entry.getValue().name);
    assertEquals(parallelLoops, plan.loops().stream().filter(LoopPlan::parallel).count(), plan.loops().toString());
    assertTrue(plan.repDecisions().stream().noneMatch(r -> r.sentence().contains(REASON)), plan.repDecisions().toString());
  }

  @Test
  void anArraySizedByTheFramesRowCountTakesItsPlacement() throws Exception {
    for (ExecutionMode mode : ExecutionMode.values()) {
      assertPlaced(plan("byNumRows", mode), "numRows", 1);
    }
  }

  @Test
  void theRowCountMayPassThroughALocalAndTheArrayThenFeedsAnotherLoop() throws Exception {
    assertPlaced(plan("throughLocal", ExecutionMode.SPMD), "numRows", 2);
  }

  @Test
  void aFilteredSeriesSizePlacesTheArrayLikeItsRows() throws Exception {
    assertPlaced(plan("bySeriesSize", ExecutionMode.SPMD), "size", 1);
  }

  @Test
  void anyOtherLengthBesideOneDVarRowsIsReplicatedWithTheRulesReason() throws Exception {
    for (String name : new String[] {"plusOne", "byParameter"}) {
      MethodPlan plan = plan(name, ExecutionMode.SPMD);
      assertEquals(Distribution.REP, plan.variables().get("out"), name + " " + plan.variables());
      assertTrue(plan.rowPlacedAllocations().isEmpty(), name);
      assertTrue(plan.repDecisions().stream().anyMatch(r -> r.subject().equals("out") && r.sentence().contains(REASON)),
          name + " " + plan.repDecisions());
      assertFalse(plan.loops().get(0).parallel(), name + ": the loop writes a REP array and stays whole");
    }
  }

  @Test
  void aFrameArgumentCutToBlocksLeavesABlockArrayAsItWasAndALazyOneDeclines() throws Exception {
    MethodPlan blocks = plan("blockFrameArgument", ExecutionMode.SPAWN,
        AnalysisContext.alone(java.util.Set.of()).withParamSeeds(java.util.Map.of(0, Distribution.ONE_D_BLOCK)));
    assertEquals(Distribution.ONE_D_BLOCK, blocks.variables().get("out"), blocks.variables().toString());
    assertTrue(blocks.rowPlacedAllocations().isEmpty());
    assertTrue(blocks.loops().get(0).parallel(), blocks.repDecisions().toString());
    // a lazy result passed back in (1D_Var, the default body): its rows are not in blocks
    MethodPlan lazy = plan("blockFrameArgument", ExecutionMode.SPAWN);
    assertEquals(Distribution.REP, lazy.variables().get("out"), lazy.variables().toString());
    assertTrue(lazy.repDecisions().stream().anyMatch(r -> r.sentence().contains(REASON)), lazy.repDecisions().toString());
  }
}

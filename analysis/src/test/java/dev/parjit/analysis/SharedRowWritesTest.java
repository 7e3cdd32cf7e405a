package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.plan.SharedRow;
import dev.parjit.analysis.targets.SharedRowTargets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SharedRowWrites}: fixed rows of a replicated array written at the loop's index, in both modes. */
class SharedRowWritesTest {

  private static MethodPlan plan(String name, ExecutionMode mode) throws Exception {
    return TargetPlans.plan(SharedRowTargets.class, name, mode);
  }

  @Test
  void rowsWrittenAtTheIndexRunInParallelAndAreSharedAfterTheLoop() throws Exception {
    for (ExecutionMode mode : ExecutionMode.values()) {
      MethodPlan p = plan("coefficients", mode);
      LoopPlan loop = p.loops().get(0);
      assertTrue(loop.parallel(), mode + ": " + loop.reason());
      assertEquals(List.of(new SharedRow(0, 0, "D"), new SharedRow(0, 1, "D")), loop.sharedRows(), mode.toString());
      assertTrue(loop.alignedArraySlots().isEmpty(), "the range is the block formula's, c is whole on every rank");
      assertEquals(Distribution.REP, p.variables().get("c"), mode + ": " + p.repDecisions());
      String text = dev.parjit.analysis.diagnostics.DiagnosticsText.render(p, null, 1);
      assertTrue(text.contains("1D_Block (rows shared: c[0], c[1])"), text);
    }
  }

  @Test
  void aLoopThatReadsArraysStaysSequentialNamingTheRows() throws Exception {
    for (String name : List.of("running", "fromArray", "throughStatic")) {
      LoopPlan loop = plan(name, ExecutionMode.SPAWN).loops().get(0);
      assertFalse(loop.parallel(), name);
      assertTrue(loop.sharedRows().isEmpty(), name);
      assertTrue(loop.reason().startsWith("it writes rows of 'c' at its index and reads arrays or 'c' otherwise"),
          name + ": " + loop.reason());
    }
  }

  @Test
  void aRowChosenByAVariableIsNoSharedRow() throws Exception {
    LoopPlan loop = plan("variableRow", ExecutionMode.SPAWN).loops().get(0);
    assertFalse(loop.parallel());
    assertTrue(loop.reason().startsWith("it writes into an array that is not distributed with the loop"), loop.reason());
  }
}

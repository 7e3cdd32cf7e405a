package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.plan.SharedBlock;
import dev.parjit.analysis.targets.SharedBlockTargets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SharedBlockWrites}: replicated arrays written at exactly the loop's index, SPMD mode only. */
class SharedBlockWritesTest {

  private static LoopPlan loop(String name, ExecutionMode mode) throws Exception {
    return TargetPlans.plan(SharedBlockTargets.class, name, mode).loops().get(0);
  }

  @Test
  void aParameterWrittenAtTheIndexIsSharedAndTheOtherIsCheckedForAliasing() throws Exception {
    MethodPlan p = TargetPlans.plan(SharedBlockTargets.class, "smooth", ExecutionMode.SPMD);
    LoopPlan loop = p.loops().get(0);
    assertTrue(loop.parallel(), loop.reason());
    assertEquals(List.of(new SharedBlock(1, "D", List.of(0))), loop.sharedBlocks());
    assertTrue(loop.alignedArraySlots().isEmpty(), "dst and src are whole on every rank");
    String text = dev.parjit.analysis.diagnostics.DiagnosticsText.render(p, null, 1);
    assertTrue(text.contains("1D_Block (blocks shared: dst)"), text);
  }

  @Test
  void fieldsOfThisAndStaticsReadElsewhereAreCheckedForAliasing() throws Exception {
    LoopPlan loop = loop("weigh", ExecutionMode.SPMD);
    assertTrue(loop.parallel(), loop.reason());
    assertEquals(1, loop.sharedBlocks().size());
    SharedBlock b = loop.sharedBlocks().get(0);
    assertEquals(List.of(), b.aliasSlots(), "xs is read at the index: it cannot see another iteration's write");
    assertEquals(List.of(new SharedBlock.FieldRead(false, "dev/parjit/analysis/targets/SharedBlockTargets", "weights",
        "[D"), new SharedBlock.FieldRead(true, "dev/parjit/analysis/targets/SharedBlockTargets", "table", "[D")),
        b.aliasFields());
  }

  @Test
  void aLoopTooCheapToPayForTheExchangeStaysSequentialNamingTheCost() throws Exception {
    LoopPlan loop = loop("smoothCheaply", ExecutionMode.SPMD);
    assertFalse(loop.parallel());
    assertTrue(loop.reason().startsWith("it writes 'dst' at its index, a replicated array whose parts would take longer"
        + " to share"), loop.reason());
  }

  @Test
  void spawnModeSharesNothing() throws Exception {
    for (String name : List.of("smooth", "smoothCheaply", "weigh", "shiftDown", "fromRow", "passed", "bump")) {
      assertTrue(loop(name, ExecutionMode.SPAWN).sharedBlocks().isEmpty(), name);
    }
  }

  @Test
  void readsThatCouldSeeAnotherIterationsWriteKeepTheLoopSequential() throws Exception {
    for (String name : List.of("shiftDown", "fromRow", "passed")) {
      LoopPlan loop = loop(name, ExecutionMode.SPMD);
      assertFalse(loop.parallel(), name);
      assertTrue(loop.sharedBlocks().isEmpty(), name);
    }
  }

  @Test
  void anUpdateInPlaceStaysAnArrayReduction() throws Exception {
    LoopPlan loop = loop("bump", ExecutionMode.SPMD);
    assertTrue(loop.parallel(), loop.reason());
    assertTrue(loop.sharedBlocks().isEmpty());
    assertEquals(1, loop.arrayReductions().size());
  }
}

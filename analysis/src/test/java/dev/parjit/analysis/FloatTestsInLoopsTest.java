package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.targets.FloatTestTargets;
import org.junit.jupiter.api.Test;

/**
 * Loops calling Double.isNaN / isFinite run in parallel: those calls only look at their argument. A
 * row loop testing isNaN once stayed sequential, each of its reads of a distributed series then a
 * collective.
 */
class FloatTestsInLoopsTest {

  private static LoopPlan loop(String name) throws Exception {
    return TargetPlans.plan(FloatTestTargets.class, name, ExecutionMode.SPAWN).loops().get(0);
  }

  @Test
  void anArrayLoopSkippingNaNIsParallel() throws Exception {
    LoopPlan loop = loop("skipNaN");
    assertTrue(loop.parallel(), loop.reason());
  }

  @Test
  void aRowLoopCountingNaNIsParallel() throws Exception {
    LoopPlan loop = loop("countNaNRows");
    assertTrue(loop.parallel(), loop.reason());
  }
}

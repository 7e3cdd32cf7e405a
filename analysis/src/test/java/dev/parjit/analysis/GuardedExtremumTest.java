package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.GuardedExtremum;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.targets.ExtremumTargets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The best element so far under an {@code if}: which loops keep a best per rank, and which stay sequential. */
class GuardedExtremumTest {

  private static LoopPlan loop(String name) throws Exception {
    return TargetPlans.plan(ExtremumTargets.class, name, ExecutionMode.SPAWN).loops().get(0);
  }

  private static GuardedExtremum only(LoopPlan loop) {
    assertTrue(loop.parallel(), loop.reason());
    assertEquals(1, loop.extrema().size());
    assertEquals(List.of(), loop.reductions(), "the best is not an ordinary reduction");
    return loop.extrema().get(0);
  }

  @Test
  void anArgmaxKeepsTheBestAndItsIndex() throws Exception {
    GuardedExtremum g = only(loop("argmax"));
    assertEquals("best", g.name());
    assertEquals("D", g.keyType());
    assertEquals(GuardedExtremum.GT, g.relation());
    assertEquals(List.of("at"), g.companions().stream().map(GuardedExtremum.Companion::name).toList());
  }

  @Test
  void aComparisonWrittenTheOtherWayRoundIsTurnedAround() throws Exception {
    GuardedExtremum g = only(loop("reversedWithLocal"));
    assertEquals("best", g.name(), "the local compared is not the best: the one stored in the block is");
    assertEquals(GuardedExtremum.GT, g.relation(), "best < v is v > best");
  }

  @Test
  void lessOrEqualKeepsTheLastOfEqualOnes() throws Exception {
    GuardedExtremum g = only(loop("lastMinimumInt"));
    assertEquals("I", g.keyType());
    assertEquals(GuardedExtremum.LE, g.relation());
  }

  @Test
  void aCompanionNobodyReadsAfterTheLoopDoesNotTravel() throws Exception {
    assertEquals(List.of(), only(loop("deadCompanion")).companions());
  }

  @Test
  void loopsThatOnlyLookAlikeStaySequential() throws Exception {
    for (String name : List.of("passesOnNaN", "storesAnotherValue", "countsImprovements", "readsBestElsewhere",
        "withElse")) {
      LoopPlan loop = loop(name);
      assertFalse(loop.parallel(), name);
      assertTrue(loop.reason().contains("is not a recognised reduction"), name + ": " + loop.reason());
    }
  }
}

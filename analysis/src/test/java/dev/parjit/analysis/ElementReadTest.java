package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.targets.ElementReadTargets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.Opcodes;

/** An element read outside parallel loops keeps its array split (the holder shares the element), within limits. */
class ElementReadTest {

  private static MethodPlan plan(String name, ExecutionMode mode) throws Exception {
    return TargetPlans.plan(ElementReadTargets.class, name, mode);
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void theMiddlePointAfterATimeLoopKeepsTheBuffersSplit(ExecutionMode mode) throws Exception {
    MethodPlan p = plan("middleAfterSteps", mode);
    assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("u"), RowDistributionTest.reps(p));
    assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("v"), RowDistributionTest.reps(p));
    assertTrue(p.loops().stream().filter(LoopPlan::parallel).count() >= 2, "the fill and the sweep are parallel");
    assertEquals(1, p.elementReads().size());
    assertEquals(Opcodes.DALOAD, p.elementReads().get(0).getOpcode());
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void aProbeInsideATimeStepLoopIsOneSharedElementPerStep(ExecutionMode mode) throws Exception {
    MethodPlan p = plan("probeEachStep", mode);
    assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("a"), RowDistributionTest.reps(p));
    assertEquals(1, p.elementReads().size());
    assertEquals(Opcodes.IALOAD, p.elementReads().get(0).getOpcode());
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void readsInASequentialLoopOverTheElementsMakeTheArrayWhole(ExecutionMode mode) throws Exception {
    MethodPlan p = plan("sequentialSweep", mode);
    assertEquals(Distribution.REP, p.variables().get("a"));
    assertTrue(RowDistributionTest.reasonFor(p, "a").startsWith("it is accessed outside a parallel loop"),
        RowDistributionTest.reps(p));
    assertTrue(p.elementReads().isEmpty());
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void aRowTakenOutsideTheRowLoopIsNotAnElementRead(ExecutionMode mode) throws Exception {
    MethodPlan p = plan("firstRowSum", mode);
    assertEquals(Distribution.REP, p.variables().get("m"), RowDistributionTest.reps(p));
    assertTrue(p.elementReads().isEmpty());
  }
}

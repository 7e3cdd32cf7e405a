package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.targets.RowLoopTargets;
import org.junit.jupiter.api.Test;

/** {@link RowLoopPreference}: the row loop runs in parallel where it splits rows, with an array reduction. */
class RowLoopPreferenceTest {

  private static MethodPlan plan(String name, ExecutionMode mode) throws Exception {
    return TargetPlans.plan(RowLoopTargets.class, name, mode);
  }

  @Test
  void columnSumsRunOverRowsWithTheSumsAnArrayReduction() throws Exception {
    MethodPlan p = plan("columnSums", ExecutionMode.SPAWN);
    assertTrue(p.loops().get(0).parallel(), p.loops().get(0).reason());
    assertFalse(p.loops().get(1).parallel(), "the column loop runs inside a rank's rows");
    assertEquals(1, p.loops().get(0).arrayReductions().size());
    assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("m"), "m is split by rows, not sent whole");
    assertEquals(Distribution.REP, p.variables().get("sums"));
    assertTrue(RowDistributionTest.reasonFor(p, "sums").startsWith("it is an array reduction"),
        RowDistributionTest.reps(p));
  }

  @Test
  void inSpmdModeTheReplicatedMatrixSplitsNoRowsAndTheColumnLoopStays() throws Exception {
    MethodPlan p = plan("columnSums", ExecutionMode.SPMD);
    assertEquals(Distribution.REP, p.variables().get("m"));
    assertFalse(p.loops().get(0).parallel());
    assertTrue(p.loops().get(1).parallel(), p.loops().get(1).reason());
  }

  @Test
  void aTimeLoopSplittingNoArrayKeepsTheInnerLoopParallel() throws Exception {
    MethodPlan p = plan("accumulateSteps", ExecutionMode.SPAWN);
    assertFalse(p.loops().get(0).parallel());
    assertTrue(p.loops().get(1).parallel(), p.loops().get(1).reason());
    assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("acc"));
  }

  @Test
  void aPlainStoreIsNoReductionAndKeepsTheColumnLoop() throws Exception {
    MethodPlan p = plan("lastRow", ExecutionMode.SPAWN);
    assertFalse(p.loops().get(0).parallel());
    assertTrue(p.loops().get(1).parallel(), p.loops().get(1).reason());
  }

  @Test
  void aWidthReadFromRowZeroOutsideTheLoopsKeepsTheMatrixSplitInSpawnMode() throws Exception {
    MethodPlan p = plan("columnSumsOfFirstRow", ExecutionMode.SPAWN);
    assertTrue(p.loops().get(0).parallel(), p.loops().get(0).reason());
    assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("m"), RowDistributionTest.reps(p));
    assertEquals(1, p.elementReads().size(), "m[0].length: row 0's holder shares its length");
    assertEquals(org.objectweb.asm.Opcodes.AALOAD, p.elementReads().get(0).getOpcode());
  }

  @Test
  void aWidthReadFromRowZeroInSpmdModeIsDeclinedByItsRule() throws Exception {
    MethodPlan p = plan("columnSumsOfFirstRow", ExecutionMode.SPMD);
    assertEquals(Distribution.REP, p.variables().get("m"));
    assertTrue(p.elementReads().isEmpty());
  }

  @Test
  void aRowLengthOfAnAllocatedMatrixIsSharedInSpawnModeAndDeclinedInSpmdMode() throws Exception {
    MethodPlan spawn = plan("filledWidth", ExecutionMode.SPAWN);
    assertTrue(spawn.loops().get(0).parallel(), spawn.loops().get(0).reason());
    assertEquals(Distribution.ONE_D_BLOCK, spawn.variables().get("m"), RowDistributionTest.reps(spawn));
    assertEquals(1, spawn.elementReads().size());
    MethodPlan spmd = plan("filledWidth", ExecutionMode.SPMD);
    assertEquals(Distribution.REP, spmd.variables().get("m"));
    assertTrue(RowDistributionTest.reasonFor(spmd, "m").startsWith("the length of its row is read outside a parallel"
        + " loop"), RowDistributionTest.reps(spmd));
  }
}

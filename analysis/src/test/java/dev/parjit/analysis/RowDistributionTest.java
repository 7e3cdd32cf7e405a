package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.diagnostics.DiagnosticsText;
import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.plan.RepDecision;
import dev.parjit.analysis.targets.ShapeTargets;
import java.io.InputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Arrays of rows ({@code double[][]}, {@code long[][][]}): distributed by their outer dimension, or REP with a reason. */
class RowDistributionTest {

  static MethodPlan plan(String name, ExecutionMode mode) throws Exception {
    ClassNode cn = new ClassNode();
    try (InputStream in = ShapeTargets.class.getResourceAsStream("ShapeTargets.class")) {
      new org.objectweb.asm.ClassReader(in.readAllBytes()).accept(cn, 0);
    }
    for (MethodNode m : cn.methods) {
      if (m.name.equals(name)) {
        return MethodAnalyzer.analyze(cn, m, mode);
      }
    }
    throw new AssertionError(name);
  }

  static String reps(MethodPlan p) {
    return p.repDecisions().stream().map(RepDecision::toString).collect(Collectors.joining("\n"));
  }

  static String reasonFor(MethodPlan p, String subject) {
    return p.repDecisions().stream().filter(r -> r.subject().equals(subject)).map(RepDecision::reason).findFirst()
        .orElse(null);
  }

  @Test
  void aMatrixProductDistributesTheRowsOfAAndCAndBroadcastsB() throws Exception {
    MethodPlan p = plan("matmul", ExecutionMode.SPAWN);
    LoopPlan rows = p.loops().get(0);
    assertTrue(rows.parallel(), rows.reason());
    assertFalse(p.loops().get(1).parallel());
    assertEquals("it is nested in a parallel loop", p.loops().get(1).reason());
    assertEquals(Distribution.ONE_D_BLOCK, p.paramDistributions().get(0), "a's rows are scattered");
    assertEquals(Distribution.REP, p.paramDistributions().get(1), "b is read at another row: sent whole");
    // b[0].length alone would keep b split (its holder shares the length); b[k][j] does not
    assertTrue(reasonFor(p, "b").startsWith("it is accessed at an index other than the parallel loop's"), reps(p));
    assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("c"));
    assertEquals(1, p.distributedAllocations().size());
    assertEquals(Opcodes.MULTIANEWARRAY, p.distributedAllocations().get(0).getOpcode(), "new double[n][m] by rows");
    assertEquals(1, p.replicatedReturns().size(), "the returned rows are gathered for the caller");
    assertEquals(2, rows.accesses().size(), "a[i] and c[i] are translated to local rows");
    String text = DiagnosticsText.render(p, null, 1);
    assertTrue(text.contains("#0: 1D_Block"), text);
  }

  @Test
  void spmdKeepsReplicatedParametersWholeAndStillDistributesTheResult() throws Exception {
    MethodPlan p = plan("matmul", ExecutionMode.SPMD);
    assertTrue(p.loops().get(0).parallel(), p.loops().get(0).reason());
    assertEquals(Distribution.REP, p.paramDistributions().get(0));
    assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("c"));
  }

  @Test
  void writesInsideTheRowsOfAScatteredParameterKeepItsRowLoopParallel() throws Exception {
    MethodPlan p = plan("scaleRows", ExecutionMode.SPAWN);
    assertTrue(p.loops().get(0).parallel(), p.loops().get(0).reason());
    assertEquals(Distribution.ONE_D_BLOCK, p.paramDistributions().get(0));
    MethodPlan spmd = plan("scaleRows", ExecutionMode.SPMD);
    assertFalse(spmd.loops().get(0).parallel());
    assertTrue(spmd.loops().get(0).reason().startsWith("it writes into an array that is not distributed with the loop"),
        spmd.loops().get(0).reason());
  }

  @Test
  void threeDimensionsAndJaggedAllocationsDistributeByRows() throws Exception {
    MethodPlan cube = plan("cube", ExecutionMode.SPAWN);
    assertTrue(cube.loops().get(0).parallel(), cube.loops().get(0).reason());
    assertEquals(Distribution.ONE_D_BLOCK, cube.variables().get("t"));
    MethodPlan jagged = plan("jagged", ExecutionMode.SPMD);
    assertTrue(jagged.loops().get(0).parallel(), jagged.loops().get(0).reason());
    assertEquals(Opcodes.ANEWARRAY, jagged.distributedAllocations().get(0).getOpcode(), "new int[n][]");
  }

  @Test
  void aRowReadAtAnotherIndexMakesTheMatrixRepAndTheLoopSequential() throws Exception {
    MethodPlan p = plan("rowFromPreviousRow", ExecutionMode.SPAWN);
    assertEquals(Distribution.REP, p.paramDistributions().get(0));
    // c[i - 1] is a row read through a halo (RowHalos), but the loop writes c's rows: a loop-carried dependence
    assertTrue(reasonFor(p, "c").startsWith("it is accessed outside a parallel loop"), reps(p));
    assertFalse(p.loops().get(0).parallel());
    assertTrue(p.loops().get(0).reason().startsWith("it reads 'c' at i - 1 and writes it in the same loop"),
        p.loops().get(0).reason());
  }

  @Test
  void aRowKeptInALocalIsWrittenThroughItInParallel() throws Exception {
    MethodPlan p = plan("rowThroughLocal", ExecutionMode.SPAWN);
    assertTrue(p.loops().get(0).parallel(), p.loops().get(0).reason());
    assertEquals(Distribution.ONE_D_BLOCK, p.paramDistributions().get(0));
  }

  @Test
  void aRowLocalCarriedFromTheIterationBeforeKeepsTheLoopSequential() throws Exception {
    MethodPlan p = plan("rowFromIterationBefore", ExecutionMode.SPAWN);
    assertFalse(p.loops().get(0).parallel());
  }

  @Test
  void arraysOfMoreThanThreeDimensionsAreNotDistributed() throws Exception {
    MethodPlan p = plan("fourDimensions", ExecutionMode.SPAWN);
    assertEquals(Distribution.REP, p.paramDistributions().get(0));
    assertTrue(p.loops().get(0).parallel(), "read whole, the loop still runs in parallel: " + p.loops().get(0).reason());
  }

  @Test
  void rowLengthsBoundInnerLoops() throws Exception {
    MethodPlan p = plan("scaleRows", ExecutionMode.SPMD);
    assertTrue(p.loops().get(1).shape() != null, "m[i].length is a loop-invariant bound of the inner loop: "
        + p.loops().get(1).reason());
  }
}

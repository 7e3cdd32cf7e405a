package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.BoundKind;
import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.plan.ReductionOp;
import dev.parjit.analysis.plan.ScalarReduction;
import dev.parjit.analysis.targets.LoopTargets;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

class MethodAnalyzerTest {

  private static ClassNode targets(int flags) throws IOException {
    try (InputStream in = LoopTargets.class.getResourceAsStream("LoopTargets.class")) {
      ClassNode cn = new ClassNode();
      new ClassReader(in.readAllBytes()).accept(cn, flags);
      return cn;
    }
  }

  private static MethodPlan plan(String name) throws Exception {
    return plan(name, 0);
  }

  private static MethodPlan plan(String name, int flags) throws Exception {
    return plan(name, flags, ExecutionMode.SPMD);
  }

  private static MethodPlan plan(String name, int flags, ExecutionMode mode) throws Exception {
    ClassNode cn = targets(flags);
    for (MethodNode m : cn.methods) {
      if (m.name.equals(name)) {
        return MethodAnalyzer.analyze(cn, m, mode);
      }
    }
    throw new AssertionError(name);
  }

  private static LoopPlan onlyLoop(MethodPlan p) {
    assertEquals(1, p.loops().size(), p.loops().toString());
    return p.loops().get(0);
  }

  @Test
  void sumIsAParallelLoopWithADoubleSum() throws Exception {
    LoopPlan loop = onlyLoop(plan("sum"));
    assertTrue(loop.parallel(), loop.reason());
    assertEquals(1, loop.reductions().size());
    ScalarReduction r = loop.reductions().get(0);
    assertEquals(ReductionOp.SUM, r.op());
    assertEquals("D", r.type());
    assertEquals("s", r.name());
    assertEquals(BoundKind.LT, loop.shape().kind());
    assertEquals(Opcodes.ARRAYLENGTH, loop.shape().boundInsns().get(1).getOpcode(), "bound is a.length");
    assertSame(loop.shape().exitJump().label, loop.shape().exit());
    assertTrue(loop.shape().initStore() instanceof VarInsnNode v && v.var == loop.shape().indexSlot());
  }

  @Test
  void anInPlaceUpdateAtTheLoopIndexKeepsTheArrayDistributed() throws Exception {
    MethodPlan p = plan("scaleInPlace", 0, ExecutionMode.SPAWN);
    LoopPlan loop = onlyLoop(p);
    assertTrue(loop.parallel(), loop.reason());
    assertEquals(Distribution.ONE_D_BLOCK, p.paramDistributions().get(0));
    assertEquals(1, loop.accesses().size(), "load and store share one index, translated once");
    LoopPlan shifted = onlyLoop(plan("shiftInPlace", 0, ExecutionMode.SPAWN));
    assertFalse(shifted.parallel());
  }

  @Test
  void anArrayReductionAtAComputedIndexLeavesThePointsDistributed() throws Exception {
    MethodPlan p = plan("clusterSums", 0, ExecutionMode.SPAWN);
    LoopPlan loop = onlyLoop(p);
    assertTrue(loop.parallel(), loop.reason());
    assertEquals(1, loop.arrayReductions().size());
    assertEquals(Distribution.ONE_D_BLOCK, p.paramDistributions().get(0), "the points stay scattered");
  }

  @Test
  void aLoopThatThrowsAJdkExceptionBuiltFromLocalsIsParallel() throws Exception {
    LoopPlan loop = onlyLoop(plan("checked", 0, ExecutionMode.SPAWN));
    assertTrue(loop.parallel(), loop.reason());
    LoopPlan reading = onlyLoop(plan("checkedReadingTheArray", 0, ExecutionMode.SPAWN));
    assertFalse(reading.parallel());
    assertTrue(reading.reason().startsWith("it can leave early"), reading.reason());
  }

  @Test
  void longIndexWithStrideAndConditionalCounter() throws Exception {
    LoopPlan loop = onlyLoop(plan("countLong"));
    assertTrue(loop.parallel(), loop.reason());
    assertEquals("J", loop.shape().indexType());
    assertEquals(3, loop.shape().step());
    assertEquals(ReductionOp.SUM, loop.reductions().get(0).op());
    assertEquals("J", loop.reductions().get(0).type());
  }

  @Test
  void lessOrEqualFromOneWithMathMin() throws Exception {
    LoopPlan loop = onlyLoop(plan("minLe"));
    assertTrue(loop.parallel(), loop.reason());
    assertEquals(BoundKind.LE, loop.shape().kind());
    assertEquals(ReductionOp.MIN, loop.reductions().get(0).op());
  }

  @Test
  void anArrayFilledAtTheIndexAndReturnedIs1DBlock() throws Exception {
    MethodPlan p = plan("fill");
    LoopPlan loop = onlyLoop(p);
    assertTrue(loop.parallel(), loop.reason());
    assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("x"));
    assertEquals(1, p.distributedAllocations().size());
    assertEquals(1, p.replicatedReturns().size(), "SPMD returns are gathered");
    assertEquals(1, loop.accesses().size());
    assertEquals(1, loop.alignedArraySlots().size());
  }

  @Test
  void prefixSumStaysSequentialAndItsArrayReplicated() throws Exception {
    MethodPlan p = plan("prefix");
    assertFalse(onlyLoop(p).parallel());
    assertEquals(Distribution.REP, p.variables().get("p"));
    assertTrue(p.repDecisions().stream().anyMatch(d -> d.subject().equals("p")), p.repDecisions().toString());
  }

  @Test
  void earlyExitIsRefusedWithItsLine() throws Exception {
    LoopPlan loop = onlyLoop(plan("search"));
    assertFalse(loop.parallel());
    assertTrue(loop.reason().startsWith("it can leave early"), loop.reason());
    assertTrue(loop.reason().matches(".*at line \\d+"), loop.reason());
  }

  @Test
  void aRecurrenceThatIsNotAReductionIsRefused() throws Exception {
    LoopPlan loop = onlyLoop(plan("recurrence"));
    assertFalse(loop.parallel());
    assertTrue(loop.reason().contains("'x'"), loop.reason());
  }

  @Test
  void fieldWritesUnknownCallsAndIndexUseAfterTheLoopAreRefused() throws Exception {
    assertTrue(onlyLoop(plan("writesField")).reason().contains("writes a field"));
    assertTrue(onlyLoop(plan("callsUnknown")).reason().contains("java.util.List.get"));
    assertTrue(onlyLoop(plan("indexAfter")).reason().contains("used after the loop"));
  }

  @Test
  void anArrayPassedToUnknownCodeIsReplicated() throws Exception {
    MethodPlan p = plan("escapes");
    assertEquals(Distribution.REP, p.variables().get("x"));
    assertFalse(onlyLoop(p).parallel(), "it writes a replicated array");
  }

  @Test
  void withoutDebugInfoVariablesAreNamedBySlot() throws Exception {
    MethodPlan p = plan("recurrence", ClassReader.SKIP_DEBUG);
    assertTrue(onlyLoop(p).reason().contains("'slot1'"), onlyLoop(p).reason());
  }

  @Test
  void arrayParametersAre1DInSpawnModeAndReplicatedInSpmdMode() throws Exception {
    MethodPlan spawn = plan("sum", 0, ExecutionMode.SPAWN);
    assertEquals(List.of(Distribution.ONE_D_BLOCK), spawn.paramDistributions());
    assertEquals(1, spawn.globalLengths().size(), "a.length answers the global length");
    assertEquals(1, onlyLoop(spawn).accesses().size(), "a[i] is translated to the local index");
    assertEquals(List.of(Distribution.REP), plan("sum").paramDistributions());
    MethodPlan prefix = plan("prefix", 0, ExecutionMode.SPAWN);
    assertEquals(List.of(Distribution.REP), prefix.paramDistributions(), "a sequential loop reads it whole");
  }
}

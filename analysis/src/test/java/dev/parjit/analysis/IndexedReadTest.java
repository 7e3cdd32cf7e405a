package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.diagnostics.DiagnosticsText;
import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.HaloRead;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.targets.IndexedReadTargets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.Opcodes;

/** {@code x[col[k]]} through a CSR row's column indices keeps {@code x} split ({@link IndexedReads}), within limits. */
class IndexedReadTest {

  private static MethodPlan plan(String name, ExecutionMode mode) throws Exception {
    return TargetPlans.plan(IndexedReadTargets.class, name, mode);
  }

  private static List<HaloRead> indexed(LoopPlan loop) {
    return loop.haloReads().stream().filter(HaloRead::isIndexed).toList();
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void aConjugateGradientSolveKeepsEveryVectorSplitAcrossItsIterations(ExecutionMode mode) throws Exception {
    MethodPlan p = plan("solve", mode);
    for (String v : List.of("x", "r", "p", "ap")) {
      assertEquals(Distribution.ONE_D_BLOCK, p.variables().get(v), v + ": " + RowDistributionTest.reps(p));
    }
    // #0 copy, #1 rr, #2 iterations, #3 rows, #4 nonzeros, #5 pap, #6 updates, #7 p, #8 sum
    List<Boolean> parallel = p.loops().stream().map(LoopPlan::parallel).toList();
    assertEquals(List.of(true, true, false, true, false, true, true, true, true), parallel, RowDistributionTest.reps(p));
    LoopPlan rows = p.loops().get(3);
    List<HaloRead> reads = indexed(rows);
    assertEquals(1, reads.size(), rows.haloReads().toString());
    HaloRead h = reads.get(0);
    assertEquals(Opcodes.DALOAD, h.load().getOpcode());
    assertFalse(h.isSegment());
    String names = DiagnosticsText.render(p, null, 1);
    assertTrue(names.contains("p[colIdx[k]]"), names);
    if (mode == ExecutionMode.SPAWN) {
      // the matrix arrives in blocks: the column indices are read through their segment's halo
      assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("colIdx"));
      assertTrue(rows.haloReads().stream().anyMatch(s -> s.isSegment() && s.arraySlot() == h.indexArraySlot()));
    } else {
      // SPMD parameters arrive whole on every rank: read in place
      assertEquals(Distribution.REP, p.variables().get("colIdx"));
    }
  }

  @Test
  void aFloatVectorOfTheMethodItselfIsReadThroughItsColumnIndices() throws Exception {
    MethodPlan p = plan("productSum", ExecutionMode.SPAWN);
    assertEquals(Distribution.ONE_D_BLOCK, p.variables().get("x"), RowDistributionTest.reps(p));
    LoopPlan rows = p.loops().get(1);
    assertTrue(rows.parallel(), rows.reason());
    assertEquals(Opcodes.FALOAD, indexed(rows).get(0).load().getOpcode());
  }

  @ParameterizedTest
  @EnumSource(ExecutionMode.class)
  void aRowLoopWritingTheVectorItReadsThroughColStaysSequential(ExecutionMode mode) throws Exception {
    MethodPlan p = plan("gaussSeidel", mode);
    LoopPlan rows = p.loops().get(1);
    assertFalse(rows.parallel(), "Gauss-Seidel: a row reads what earlier rows wrote");
    assertTrue(rows.reason().startsWith("it writes into an array that is not distributed with the loop"), rows.reason());
    assertEquals(Distribution.REP, p.variables().get("x"));
    assertTrue(p.repDecisions().stream().anyMatch(d -> d.subject().equals("x")
        && d.reason().startsWith("it is accessed at an index other than the parallel loop's")), RowDistributionTest.reps(p));
  }

  @Test
  void columnIndicesWrittenInTheRowLoopKeepTheVectorWhole() throws Exception {
    MethodPlan p = plan("colWritten", ExecutionMode.SPAWN);
    assertEquals(Distribution.REP, p.variables().get("x"), RowDistributionTest.reps(p));
    p.loops().forEach(l -> assertTrue(indexed(l).isEmpty(), "no indexed read: " + l.id()));
  }

  @Test
  void anIndexArrayReadAtTheLoopIndexIsNoCsrRowAndKeepsTheVectorWhole() throws Exception {
    MethodPlan p = plan("permuted", ExecutionMode.SPAWN);
    assertTrue(p.loops().get(1).parallel(), p.loops().get(1).reason());
    assertEquals(Distribution.REP, p.variables().get("x"), RowDistributionTest.reps(p));
    assertTrue(indexed(p.loops().get(1)).isEmpty());
  }
}

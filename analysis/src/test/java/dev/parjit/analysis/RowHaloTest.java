package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.HaloRead;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.targets.Stencil2DTargets;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Rows of a row-split {@code double[][]} read at {@code m[i ± c]} through a halo of rows ({@link RowHalos}). */
class RowHaloTest {

  private static MethodPlan plan(String name) throws Exception {
    return TargetPlans.plan(Stencil2DTargets.class, name, ExecutionMode.SPAWN);
  }

  private static TreeSet<Integer> offsets(LoopPlan loop) {
    TreeSet<Integer> out = new TreeSet<>();
    loop.haloReads().forEach(h -> out.add(h.offset()));
    return out;
  }

  @Test
  void aTwoDimensionalJacobiSplitsRowsAndReadsTheNeighbourRowsThroughAHalo() throws Exception {
    MethodPlan p = plan("jacobi2d");
    assertEquals(3, p.loops().size());
    assertFalse(p.loops().get(0).parallel(), "the time loop");
    LoopPlan rows = p.loops().get(1);
    assertTrue(rows.parallel(), rows.reason());
    assertEquals(List.of(Distribution.ONE_D_BLOCK, Distribution.ONE_D_BLOCK, Distribution.REP),
        p.paramDistributions());
    assertEquals(new TreeSet<>(List.of(-1, 0, 1)), offsets(rows), "from[i - 1], from[i], from[i + 1]");
    for (HaloRead h : rows.haloReads()) {
      assertTrue(h.isRow(), "whole rows");
      assertEquals("[D", h.rowType());
    }
    assertFalse(p.loops().get(2).parallel(), "the column loop runs inside the row loop");
  }

  @Test
  void aHaloOfTwoRowsOnEachSide() throws Exception {
    LoopPlan rows = plan("smoothWide").loops().get(0);
    assertTrue(rows.parallel(), rows.reason());
    assertEquals(new TreeSet<>(List.of(-2, -1, 0, 1, 2)), offsets(rows));
  }

  @Test
  void gaussSeidelReadsRowsItWritesAndStaysSequential() throws Exception {
    for (String name : List.of("gaussSeidel2d", "gaussSeidelRowLocal")) {
      AnalysisState s = through(name, "loop decisions");
      int rowLoop = name.equals("gaussSeidel2d") ? 1 : 0;
      Decline why = s.decisions.get(rowLoop).reason();
      assertEquals(DeclineRule.LOOP_CARRIED_DEPENDENCE, why.rule(), name + ": " + why.text());
      assertTrue(plan(name).loops().stream().noneMatch(LoopPlan::parallel), name);
    }
  }

  @Test
  void aRowKeptInALocalIsNotAHaloRead() throws Exception {
    MethodPlan p = plan("jacobiRowLocals");
    assertEquals(Distribution.REP, p.paramDistributions().get(0), "from is sent whole: its rows leave as values");
    assertTrue(p.loops().get(0).haloReads().isEmpty());
  }

  @Test
  void theRowTypeComesFromTheElementLoads() throws Exception {
    AnalysisState s = through("jacobi2d", "loop decisions");
    assertEquals("[D", RowHalos.rowDescriptor(s.method, s.facts.consumers(), 3), "from[i][j] reads doubles");
    assertNull(RowHalos.rowDescriptor(s.method, s.facts.consumers(), 0), "grid's rows are never read here");
  }

  private static AnalysisState through(String name, String last) throws Exception {
    AnalysisState s = state(name);
    for (AnalysisPass pass : MethodAnalyzer.PASSES) {
      pass.run(s);
      if (pass.name().equals(last)) {
        return s;
      }
    }
    throw new AssertionError(last);
  }

  private static ClassNode classNode() throws Exception {
    ClassNode cn = new ClassNode();
    try (InputStream in = Stencil2DTargets.class.getResourceAsStream("Stencil2DTargets.class")) {
      new ClassReader(in.readAllBytes()).accept(cn, 0);
    }
    return cn;
  }

  private static AnalysisState state(String name) throws Exception {
    ClassNode cn = classNode();
    for (MethodNode m : cn.methods) {
      if (m.name.equals(name)) {
        return new AnalysisState(cn, m, ExecutionMode.SPAWN, AnalysisContext.alone(Set.of()));
      }
    }
    throw new AssertionError(name);
  }
}

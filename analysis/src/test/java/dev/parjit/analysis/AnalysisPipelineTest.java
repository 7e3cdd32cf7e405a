package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.targets.DiagnosticsTargets;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** {@link MethodAnalyzer}'s passes: their order, and the array fixpoint's rounds. */
class AnalysisPipelineTest {

  private static AnalysisState state(String name, ExecutionMode mode) throws Exception {
    ClassNode cn = new ClassNode();
    try (InputStream in = DiagnosticsTargets.class.getResourceAsStream("DiagnosticsTargets.class")) {
      new ClassReader(in.readAllBytes()).accept(cn, 0);
    }
    for (MethodNode m : cn.methods) {
      if (m.name.equals(name)) {
        return new AnalysisState(cn, m, mode, AnalysisContext.alone(Set.of()));
      }
    }
    throw new AssertionError(name);
  }

  /** Runs the passes up to and including the one named {@code last}. */
  private static void runThrough(AnalysisState s, String last) throws Exception {
    for (AnalysisPass p : MethodAnalyzer.PASSES) {
      p.run(s);
      if (p.name().equals(last)) {
        return;
      }
    }
    throw new AssertionError("no pass " + last);
  }

  @Test
  void passesRunInTheirFixedOrder() {
    assertEquals(List.of("parameter seeds", "flow graph", "candidates", "buffer rotation", "loop shapes",
        "loop decisions", "array distributions", "lattice", "loop plans", "call sites",
        "method plan"),
        MethodAnalyzer.PASSES.stream().map(AnalysisPass::name).toList());
  }

  @Test
  void eachPassLeavesWhatTheNextReads() throws Exception {
    AnalysisState s = state("histogram", ExecutionMode.SPAWN);
    runThrough(s, "buffer rotation");
    assertNull(s.facts, "loop shapes has not run");
    runThrough(s, "loop shapes");
    assertEquals(s.loops.size(), s.facts.shapes().size());
    assertNull(s.decisions);
    new LoopDecisionsPass().run(s);
    assertNotNull(s.decisions);
    assertNull(s.lattice);
    new ArrayDistributionsPass().run(s);
    new LatticePass().run(s);
    new LoopPlansPass().run(s);
    new CallSitesPass().run(s);
    assertNull(s.plan);
    new MethodPlanPass().run(s);
    assertNotNull(s.plan);
  }

  /**
   * {@code h[floorMod(values[i], bins)]++}: while {@code h} is still a 1D candidate the loop cannot be
   * parallel, so {@code values} is first declined as accessed outside a parallel loop. That decline is
   * loop-dependent and waits: the structural one ({@code h} updated in place) goes first, the loop
   * becomes an array reduction, and {@code values} stays 1D.
   */
  @Test
  void aLoopDependentDeclineWaitsForTheStructuralOnes() throws Exception {
    AnalysisState s = state("histogram", ExecutionMode.SPAWN);
    runThrough(s, "loop decisions");
    int values = 0;
    int h = 2;
    assertEquals(Set.of(values, h), s.oneD);
    assertTrue(s.decisions.stream().noneMatch(LoopDecision::parallel), "h is 1D: the loop cannot be parallel yet");
    Decline valuesWhy = ArrayDistributionsPass.whyNot1D(s.facts, values, s.decisions, s.oneD);
    assertEquals(DeclineRule.OUTSIDE_PARALLEL_LOOP, valuesWhy.rule());
    Map<Integer, Decline> first = ArrayDistributionsPass.declinedThisRound(s.facts, s.oneD, s.decisions);
    assertEquals(Set.of(h), first.keySet(), "only the structural decline applies in the first round");
    assertEquals(DeclineRule.UPDATED_IN_PLACE, first.get(h).rule());

    new ArrayDistributionsPass().run(s);
    assertEquals(Set.of(values), s.oneD);
    MethodPlan plan = MethodAnalyzer.run(state("histogram", ExecutionMode.SPAWN)).plan;
    LoopPlan loop = plan.loops().get(0);
    assertTrue(loop.parallel(), loop.reason());
    assertEquals(1, loop.arrayReductions().size());
    assertEquals(Distribution.ONE_D_BLOCK, plan.paramDistributions().get(0));
  }
}

package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.targets.DiagnosticsTargets;
import dev.parjit.analysis.targets.FrameTargets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How arguments arrive changes the analysis: a specialization's seeds ({@link AnalysisContext#paramSeeds})
 * and the {@code @Jit(replicated = ...)} names.
 */
class ArgumentSeedsTest {

  private static MethodPlan plan(Class<?> targets, String name, AnalysisContext context) throws Exception {
    return TargetPlans.plan(targets, name, ExecutionMode.SPAWN, context);
  }

  private static AnalysisContext none() {
    return AnalysisContext.alone(Set.of());
  }

  @Test
  void arraySeedsGiveBlockVarOrReplicatedParameters() throws Exception {
    assertEquals(Distribution.ONE_D_BLOCK, plan(DiagnosticsTargets.class, "dot", none()).paramDistributions().get(0));
    MethodPlan var = plan(DiagnosticsTargets.class, "dot",
        none().withParamSeeds(Map.of(0, Distribution.ONE_D_VAR, 1, Distribution.ONE_D_VAR)));
    assertEquals(Distribution.ONE_D_VAR, var.paramDistributions().get(0));
    assertTrue(var.loops().stream().anyMatch(LoopPlan::parallel));
    MethodPlan rep = plan(DiagnosticsTargets.class, "dot", none().withParamSeeds(Map.of(0, Distribution.REP)));
    assertEquals(Distribution.REP, rep.paramDistributions().get(0));
    assertTrue(rep.repDecisions().stream().anyMatch(d -> d.subject().equals("a")
        && d.reason().equals("this specialization's argument arrives whole (REP)")), rep.repDecisions().toString());
  }

  @Test
  void replicatedNamesMakeParametersAndTheReturnRep() throws Exception {
    MethodPlan p = plan(DiagnosticsTargets.class, "dot", none().withReplicated(Set.of("b")));
    assertEquals(Distribution.ONE_D_BLOCK, p.paramDistributions().get(0));
    assertEquals(Distribution.REP, p.paramDistributions().get(1));
    assertTrue(p.repDecisions().stream().anyMatch(d -> d.subject().equals("b")
        && d.reason().equals("it is named in @Jit(replicated = ...)")), p.repDecisions().toString());
    // A filtered frame returned lazily stays on the workers, unless the return is named replicated.
    AnalysisContext lazy = none().withLazyFrameReturns();
    assertEquals(Distribution.ONE_D_VAR, plan(FrameTargets.class, "hardEfforts", lazy).returnDistribution());
    assertEquals(Distribution.REP,
        plan(FrameTargets.class, "hardEfforts", lazy.withReplicated(Set.of("return"))).returnDistribution());
  }

  @Test
  void badReplicatedNamesFailTheAnalysisNamingThem() {
    AnalysisException unknown = assertThrows(AnalysisException.class,
        () -> plan(DiagnosticsTargets.class, "dot", none().withReplicated(Set.of("c"))));
    assertTrue(unknown.getMessage().contains("[c]"), unknown.getMessage());
    AnalysisException both = assertThrows(AnalysisException.class, () -> plan(DiagnosticsTargets.class, "dot",
        new AnalysisContext(Set.of("a"), dev.parjit.analysis.lattice.CallModel.NONE, Set.of())
            .withReplicated(Set.of("a"))));
    assertTrue(both.getMessage().contains("'a' is named in both"), both.getMessage());
  }
}

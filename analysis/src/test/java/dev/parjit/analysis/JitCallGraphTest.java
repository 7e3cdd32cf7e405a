package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.targets.CallGraphTargets;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

class JitCallGraphTest {

  private static Map<String, MethodPlan> analyse(ExecutionMode mode) throws Exception {
    ClassNode cn = new ClassNode();
    try (InputStream in = CallGraphTargets.class.getResourceAsStream("CallGraphTargets.class")) {
      new ClassReader(in.readAllBytes()).accept(cn, 0);
    }
    List<JitCallGraph.Member> members = new ArrayList<>();
    for (MethodNode m : cn.methods) {
      if (!m.name.startsWith("<")) {
        members.add(new JitCallGraph.Member(m, Set.of()));
      }
    }
    JitCallGraph.Result result = JitCallGraph.analyze(cn, members, mode, m -> {
      MethodNode copy = new MethodNode(m.access, m.name, m.desc, m.signature, null);
      m.accept(copy);
      return copy;
    });
    assertTrue(result.failures().isEmpty(), result.failures().toString());
    Map<String, MethodPlan> byName = new java.util.HashMap<>();
    result.plans().forEach((m, p) -> byName.put(m.name, p));
    return byName;
  }

  @Test
  void anArrayPassedToAReadingJitMethodStaysDistributedInSpmd() throws Exception {
    Map<String, MethodPlan> plans = analyse(ExecutionMode.SPMD);
    assertEquals(Distribution.ONE_D_BLOCK, plans.get("caller").variables().get("x"), plans.get("caller").repDecisions()
        .toString());
    assertEquals(Distribution.ONE_D_BLOCK, plans.get("total").paramDistributions().get(0));
    assertTrue(plans.get("caller").hasParallelism());
  }

  @Test
  void aCalleeThatWritesIntoItsParameterKeepsTheCallersArrayWhole() throws Exception {
    Map<String, MethodPlan> plans = analyse(ExecutionMode.SPMD);
    assertEquals(Distribution.REP, plans.get("firstAfterReset").paramDistributions().get(0));
    assertEquals(Distribution.REP, plans.get("callerOfWriter").variables().get("x"));
  }

  @Test
  void repPropagatesBackThroughAChainOfCalls() throws Exception {
    for (ExecutionMode mode : ExecutionMode.values()) {
      Map<String, MethodPlan> plans = analyse(mode);
      assertEquals(Distribution.REP, plans.get("backwards").paramDistributions().get(0), mode.toString());
      assertEquals(Distribution.REP, plans.get("forward").paramDistributions().get(0), mode.toString());
      assertEquals(Distribution.REP, plans.get("callerOfCaller").variables().get("x"), mode.toString());
    }
  }

  @Test
  void aCalleeThatUpdatesItsParameterByACompoundAssignmentOrAnAliasTakesNoChunkInSpmd() throws Exception {
    Map<String, MethodPlan> plans = analyse(ExecutionMode.SPMD);
    assertEquals(Distribution.REP, plans.get("scaleInPlace").paramDistributions().get(0));
    assertEquals(Distribution.REP, plans.get("throughAlias").paramDistributions().get(0));
    assertEquals(Distribution.REP, plans.get("callerOfUpdaters").variables().get("x"));
  }

  @Test
  void aCalleeThatReturnsItsParameterTakesNoChunkInSpmd() throws Exception {
    Map<String, MethodPlan> plans = analyse(ExecutionMode.SPMD);
    assertEquals(Distribution.REP, plans.get("passThrough").paramDistributions().get(0));
    assertEquals(Distribution.REP, plans.get("callerOfReturner").variables().get("x"));
  }

  @Test
  void aLoopCallingAnotherJitMethodIsNotSplitAcrossRanks() throws Exception {
    for (ExecutionMode mode : ExecutionMode.values()) {
      MethodPlan plan = analyse(mode).get("rowTotals");
      assertEquals(1, plan.loops().size(), mode.toString());
      assertTrue(!plan.loops().get(0).parallel(), mode + ": " + plan.loops());
      assertTrue(plan.loops().get(0).reason().contains("calls the @Jit method total"), plan.loops().get(0).reason());
    }
  }

  @Test
  void analysedAloneACallIsAnUnknownUse() throws Exception {
    ClassNode cn = new ClassNode();
    try (InputStream in = CallGraphTargets.class.getResourceAsStream("CallGraphTargets.class")) {
      new ClassReader(in.readAllBytes()).accept(cn, 0);
    }
    MethodNode caller = cn.methods.stream().filter(m -> m.name.equals("caller")).findFirst().orElseThrow();
    MethodPlan alone = MethodAnalyzer.analyze(cn, caller, ExecutionMode.SPMD);
    assertEquals(Distribution.REP, alone.variables().get("x"));
    assertTrue(alone.repDecisions().stream().anyMatch(r -> r.subject().equals("x")
        && r.reason().contains("passed to code Parjit does not model")), alone.repDecisions().toString());
  }
}

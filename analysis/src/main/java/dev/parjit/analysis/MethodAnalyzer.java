package dev.parjit.analysis;

import dev.parjit.analysis.cfg.Dominators;
import dev.parjit.analysis.cfg.FlowGraph;
import dev.parjit.analysis.cfg.Liveness;
import dev.parjit.analysis.dataflow.Consumers;
import dev.parjit.analysis.loops.CountedLoopMatcher;
import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.loops.NaturalLoops;
import dev.parjit.analysis.plan.CountedLoop;
import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.plan.RepDecision;
import dev.parjit.analysis.plan.ScalarReduction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Analyses one {@code @Jit} method: which counted loops can run chunked over ranks and which
 * scalar reductions they carry.
 *
 * <p>This version handles loops whose iterations only read data (arrays are replicated on every
 * rank) and combine results through scalar reductions: each rank runs a block of the iteration
 * range and the partial results are allreduced. Distributed (1D) arrays, array writes in
 * parallel loops and array reductions come next; until then every array is REP, with that reason
 * recorded.
 */
public final class MethodAnalyzer {

  private MethodAnalyzer() { }

  public static MethodPlan analyze(ClassNode owner, MethodNode method, ExecutionMode mode) throws AnalysisException {
    FlowGraph graph;
    Consumers consumers;
    try {
      graph = FlowGraph.of(owner.name, method);
      consumers = new Consumers(owner.name, method);
    } catch (AnalyzerException e) {
      throw new AnalysisException("the method does not verify: " + e.getMessage(), e);
    }
    Dominators dom = new Dominators(graph);
    Liveness liveness = new Liveness(method, graph);
    LoopSafety safety = new LoopSafety(owner);
    LineTable lines = new LineTable();
    List<NaturalLoop> loops = NaturalLoops.find(graph, dom);
    List<LoopPlan> plans = new ArrayList<>();
    List<NaturalLoop> parallel = new ArrayList<>();
    List<RepDecision> reps = new ArrayList<>();
    for (int id = 0; id < loops.size(); id++) {
      NaturalLoop loop = loops.get(id);
      int line = LineTable.line(method.instructions.get(loop.header()));
      LoopDecision d = decide(method, graph, loop, parallel, liveness, consumers, safety, lines);
      if (d.reason == null) {
        parallel.add(loop);
        plans.add(new LoopPlan(id, line, true, Distribution.ONE_D_BLOCK, null, d.shape, List.of(), List.of(),
            d.reductions, List.of()));
      } else {
        plans.add(new LoopPlan(id, line, false, Distribution.REP, d.reason, d.shape, List.of(), List.of(),
            List.of(), List.of()));
        reps.add(new RepDecision("loop #" + id, d.reason, line));
      }
    }
    Map<String, Distribution> variables = new LinkedHashMap<>();
    if (method.localVariables != null) {
      List<LocalVariableNode> vars = new ArrayList<>(method.localVariables);
      vars.sort((a, b) -> Integer.compare(a.index, b.index));
      for (LocalVariableNode v : vars) {
        if (v.desc.startsWith("[") && !variables.containsKey(v.name)) {
          variables.put(v.name, Distribution.REP);
          reps.add(new RepDecision(v.name, "distributed arrays are not implemented yet: arrays are replicated",
              LineTable.line(v.start)));
        }
      }
    }
    int params = Type.getArgumentTypes(method.desc).length;
    return new MethodPlan(owner.name, method, mode, owner.sourceFile, firstLine(method),
        Collections.nCopies(params, Distribution.REP), Distribution.REP, variables, plans,
        List.of(), List.of(), reps);
  }

  private record LoopDecision(CountedLoop shape, List<ScalarReduction> reductions, String reason) { }

  private static LoopDecision decide(MethodNode method, FlowGraph graph, NaturalLoop loop, List<NaturalLoop> parallel,
      Liveness liveness, Consumers consumers, LoopSafety safety, LineTable lines) {
    for (NaturalLoop outer : parallel) {
      if (loop.isInside(outer)) {
        return new LoopDecision(null, List.of(), "it is nested in a parallel loop");
      }
    }
    CountedLoopMatcher.Result match = CountedLoopMatcher.match(method, loop);
    if (match.loop() == null) {
      return new LoopDecision(null, List.of(), match.reason());
    }
    CountedLoop shape = match.loop();
    int exitIndex = method.instructions.indexOf(shape.exit());
    int jumpIndex = method.instructions.indexOf(shape.exitJump());
    BitSet body = loop.body();
    for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
      AbstractInsnNode x = method.instructions.get(i);
      boolean leaves = graph.successors(i).stream().anyMatch(t -> !body.get(t));
      if (isTerminal(x) || (leaves && i != jumpIndex)) {
        return new LoopDecision(shape, List.of(), "it can leave early (break, return or throw)" + lines.at(x));
      }
    }
    String unsafe = safety.check(method, loop, lines);
    if (unsafe != null) {
      return new LoopDecision(shape, List.of(), "it " + unsafe);
    }
    if (liveness.isLiveAt(exitIndex, shape.indexSlot())) {
      return new LoopDecision(shape, List.of(), "its index '" + VariableNames.at(method, shape.indexSlot(), shape.initStore())
          + "' is used after the loop");
    }
    BitSet stored = CountedLoopMatcher.storedSlots(method, loop);
    stored.clear(shape.indexSlot());
    int header = method.instructions.indexOf(shape.header());
    List<ScalarReduction> reductions = new ArrayList<>();
    for (int s = stored.nextSetBit(0); s >= 0; s = stored.nextSetBit(s + 1)) {
      if (!liveness.isLiveAt(header, s) && !liveness.isLiveAt(exitIndex, s)) {
        continue; // a temporary of one iteration
      }
      String name = VariableNames.at(method, s, shape.exitJump());
      ReductionMatcher.Match r = ReductionMatcher.match(method, loop, s, consumers);
      if (r == null) {
        return new LoopDecision(shape, List.of(), "variable '" + name
            + "' carries a value from one iteration to the next and is not a recognised reduction");
      }
      reductions.add(new ScalarReduction(s, r.type(), r.op(), name));
    }
    return new LoopDecision(shape, reductions, null);
  }

  private static boolean isTerminal(AbstractInsnNode x) {
    int op = x.getOpcode();
    return (op >= org.objectweb.asm.Opcodes.IRETURN && op <= org.objectweb.asm.Opcodes.RETURN)
        || op == org.objectweb.asm.Opcodes.ATHROW;
  }

  private static int firstLine(MethodNode method) {
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof LineNumberNode ln) {
        return ln.line;
      }
    }
    return -1;
  }
}

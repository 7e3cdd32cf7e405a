package dev.parjit.analysis.cfg;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * The control-flow graph of one method at instruction granularity (node = index in the
 * instruction list), built by ASM's {@link Analyzer}, which knows every edge the JVM can take
 * (including into exception handlers). Instruction granularity keeps the loop and liveness code
 * simple; {@code @Jit} methods are small enough for it.
 */
public final class FlowGraph {

  private final int size;
  private final List<List<Integer>> successors = new ArrayList<>();
  private final List<List<Integer>> predecessors = new ArrayList<>();
  private final BitSet reachable = new BitSet();

  private FlowGraph(int size) {
    this.size = size;
    for (int i = 0; i < size; i++) {
      successors.add(new ArrayList<>());
      predecessors.add(new ArrayList<>());
    }
  }

  /** Builds the graph; fails when the method does not verify (the agent then leaves it alone). */
  public static FlowGraph of(String owner, MethodNode method) throws AnalyzerException {
    FlowGraph g = new FlowGraph(method.instructions.size());
    Analyzer<BasicValue> analyzer = new Analyzer<>(new BasicInterpreter(Opcodes.ASM9) { }) {
      @Override
      protected void newControlFlowEdge(int from, int to) {
        g.add(from, to);
      }

      @Override
      protected boolean newControlFlowExceptionEdge(int from, int to) {
        g.add(from, to);
        return true;
      }
    };
    var frames = analyzer.analyze(owner, method);
    for (int i = 0; i < frames.length; i++) {
      if (frames[i] != null) {
        g.reachable.set(i);
      }
    }
    return g;
  }

  private void add(int from, int to) {
    if (!successors.get(from).contains(to)) {
      successors.get(from).add(to);
      predecessors.get(to).add(from);
    }
  }

  public int size() {
    return size;
  }

  public List<Integer> successors(int node) {
    return successors.get(node);
  }

  public List<Integer> predecessors(int node) {
    return predecessors.get(node);
  }

  public boolean isReachable(int node) {
    return reachable.get(node);
  }
}

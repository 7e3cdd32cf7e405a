package dev.parjit.analysis.loops;

import dev.parjit.analysis.cfg.Dominators;
import dev.parjit.analysis.cfg.FlowGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Finds natural loops from back edges (an edge to a node that dominates its source). */
public final class NaturalLoops {

  private NaturalLoops() { }

  /** The loops of the graph, one per header, in header order. */
  public static List<NaturalLoop> find(FlowGraph g, Dominators dom) {
    Map<Integer, BitSet> bodies = new TreeMap<>();
    Map<Integer, List<Integer>> sources = new TreeMap<>();
    for (int from = 0; from < g.size(); from++) {
      for (int to : g.successors(from)) {
        if (dom.dominates(to, from)) {
          BitSet body = bodies.computeIfAbsent(to, h -> new BitSet());
          sources.computeIfAbsent(to, h -> new ArrayList<>()).add(from);
          collect(g, to, from, body);
        }
      }
    }
    List<NaturalLoop> loops = new ArrayList<>();
    bodies.forEach((h, body) -> loops.add(new NaturalLoop(h, body, List.copyOf(sources.get(h)))));
    return loops;
  }

  /** Adds to {@code body} the header and every node reaching {@code tail} without passing the header. */
  private static void collect(FlowGraph g, int header, int tail, BitSet body) {
    body.set(header);
    Deque<Integer> work = new ArrayDeque<>();
    if (!body.get(tail)) {
      body.set(tail);
      work.push(tail);
    }
    while (!work.isEmpty()) {
      int n = work.pop();
      for (int p : g.predecessors(n)) {
        if (!body.get(p)) {
          body.set(p);
          work.push(p);
        }
      }
    }
  }
}

package dev.parjit.analysis.cfg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Immediate dominators of a {@link FlowGraph} from its entry (node 0), by the iterative
 * algorithm of Cooper, Harvey and Kennedy over reverse postorder.
 */
public final class Dominators {

  private final int[] idom;
  private final int[] rpoIndex;

  public Dominators(FlowGraph g) {
    int n = g.size();
    List<Integer> postorder = new ArrayList<>();
    BitSet seen = new BitSet();
    if (n > 0) {
      depthFirst(g, 0, seen, postorder);
    }
    rpoIndex = new int[n];
    Arrays.fill(rpoIndex, -1);
    int[] rpo = new int[postorder.size()];
    for (int i = 0; i < rpo.length; i++) {
      rpo[i] = postorder.get(postorder.size() - 1 - i);
      rpoIndex[rpo[i]] = i;
    }
    idom = new int[n];
    Arrays.fill(idom, -1);
    if (n == 0) {
      return;
    }
    idom[0] = 0;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int k = 1; k < rpo.length; k++) {
        int b = rpo[k];
        int newIdom = -1;
        for (int p : g.predecessors(b)) {
          if (idom[p] == -1) {
            continue;
          }
          newIdom = newIdom == -1 ? p : intersect(p, newIdom);
        }
        if (newIdom != -1 && idom[b] != newIdom) {
          idom[b] = newIdom;
          changed = true;
        }
      }
    }
  }

  private static void depthFirst(FlowGraph g, int start, BitSet seen, List<Integer> postorder) {
    // Iterative: methods can be long enough to overflow a recursive walk.
    Deque stack = new Deque();
    stack.push(start, 0);
    seen.set(start);
    while (!stack.isEmpty()) {
      int node = stack.topNode();
      int next = stack.topIndex();
      List<Integer> succ = g.successors(node);
      if (next < succ.size()) {
        stack.advance();
        int s = succ.get(next);
        if (!seen.get(s)) {
          seen.set(s);
          stack.push(s, 0);
        }
      } else {
        postorder.add(node);
        stack.pop();
      }
    }
  }

  private int intersect(int a, int b) {
    while (a != b) {
      while (rpoIndex[a] > rpoIndex[b]) {
        a = idom[a];
      }
      while (rpoIndex[b] > rpoIndex[a]) {
        b = idom[b];
      }
    }
    return a;
  }

  /** Whether {@code a} dominates {@code b} (every node dominates itself). */
  public boolean dominates(int a, int b) {
    if (rpoIndex[b] < 0 || rpoIndex[a] < 0) {
      return false;
    }
    int x = b;
    while (true) {
      if (x == a) {
        return true;
      }
      if (x == 0) {
        return false;
      }
      x = idom[x];
    }
  }

  /** A small int-pair stack for the depth-first walk. */
  private static final class Deque {
    private int[] nodes = new int[64];
    private int[] indices = new int[64];
    private int top = -1;

    void push(int node, int index) {
      if (++top == nodes.length) {
        nodes = Arrays.copyOf(nodes, top * 2);
        indices = Arrays.copyOf(indices, top * 2);
      }
      nodes[top] = node;
      indices[top] = index;
    }

    boolean isEmpty() {
      return top < 0;
    }

    int topNode() {
      return nodes[top];
    }

    int topIndex() {
      return indices[top];
    }

    void advance() {
      indices[top]++;
    }

    void pop() {
      top--;
    }
  }
}

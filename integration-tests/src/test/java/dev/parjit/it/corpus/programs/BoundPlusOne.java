package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Loops bounded by {@code i + 1 < n}, reading {@code a[i + 1]}: total variation of an int field and
 * of an int parameter (the rewriter once failed on this shape, for the whole class).
 */
public final class BoundPlusOne implements EffectsProgram {

  private int[] counts;

  // the bound i + 1 < n over a final local
  @Jit
  long variation() {
    final int n = counts.length;
    long total = 0;
    for (int i = 0; i + 1 < n; i++) {
      total += Math.abs(counts[i + 1] - counts[i]);
    }
    return total;
  }

  // the bound i + 1 < a.length
  @Jit
  static int rises(int[] a) {
    int r = 0;
    for (int i = 0; i + 1 < a.length; i++) {
      if (a[i + 1] > a[i]) {
        r++;
      }
    }
    return r;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    counts = Data.ints(n, 4);
    s.put("variation", variation());
    s.put("rises", rises(counts));
    s.put("counts", counts);
  }
}

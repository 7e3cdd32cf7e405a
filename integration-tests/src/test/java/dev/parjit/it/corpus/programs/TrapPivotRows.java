package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A loop over rows reading a fixed row it also writes: it starts at the pivot row {@code k} itself, so its
 * first iteration writes the row every later one reads, a dependence (compare {@link PivotRows}).
 */
public final class TrapPivotRows implements EffectsProgram {

  /** Rows {@code k ..}: row {@code k} is read and written by the first iteration. */
  @Jit
  static void subtractFromPivot(double[] a, int n, int k) {
    for (int i = k; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i * n + j] -= 0.5 * a[k * n + j];
      }
    }
  }

  @Override
  public void run(int size) {
    State s = new State(this, size);
    int n = Math.min(size, 7);
    double[] c = Data.doubles(n * n, 142);
    for (int k = 0; k < n; k++) {
      subtractFromPivot(c, n, k);
    }
    s.put("c", c);
  }
}

package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Array reductions called with their array passed twice: {@code axpy(a, r, r)} adds to {@code r}
 * what it reads from {@code r}, and a scatter-add reads the weights it adds into. In SPMD mode an
 * array reduction starts every rank but 0 from zeros, which such a loop would then read; the loop
 * must notice the second name and give the sequential answer.
 */
public final class AliasedReduction implements EffectsProgram {

  /** y += alpha x: an array reduction in SPMD mode, where y is replicated. */
  @Jit
  static void axpy(double alpha, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += alpha * x[i];
    }
  }

  /** h[bin[k]] += w[k]. */
  @Jit
  static void scatterAdd(int[] bin, long[] w, long[] h) {
    for (int k = 0; k < bin.length; k++) {
      h[bin[k]] += w[k];
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] r = Data.doubles(n, 41);
    double[] p = Data.doubles(n, 42);
    axpy(0.5, p, r); // separate arrays
    s.put("r", r);
    s.put("p", p);
    axpy(0.5, r, r); // the same array twice
    s.put("rr", r);
    int[] bin = new int[n];
    long[] w = new long[n];
    for (int i = 0; i < n; i++) {
      bin[i] = (i * 7) % n;
      w[i] = i + 1;
    }
    scatterAdd(bin, w, w); // adds into the weights it reads
    s.put("w", w);
    s.put("bin", bin);
  }
}

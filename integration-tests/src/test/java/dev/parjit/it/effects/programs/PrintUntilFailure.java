package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A loop that prints every iteration and fails at two thirds of its range (an index array holding
 * {@code -1} there). The sequential run prints the iterations before the failing one. In SPMD mode the
 * ranks after the failing one had printed their whole blocks, lines the sequential run never prints;
 * now each rank holds its lines until the ranks agree on the failure, and only the ranks up to the
 * failing one write them.
 */
public final class PrintUntilFailure implements EffectsProgram {

  @Jit
  static double[] doubledLoud(double[] a, int[] idx) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[idx[i]] * 2;
      System.out.println("OUT PrintUntilFailure " + a.length + " i=" + i + " r=" + r[i]);
    }
    return r;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 93);
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i == n * 2 / 3 && n > 1 ? -1 : n - 1 - i;
    }
    try {
      s.put("returned", doubledLoud(a, idx));
      s.noException();
    } catch (ArrayIndexOutOfBoundsException e) {
      s.thrown(e);
    }
    s.put("a", a);
  }
}

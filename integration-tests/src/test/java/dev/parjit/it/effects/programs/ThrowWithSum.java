package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A sum whose check throws with the sum so far in its message, at two thirds of the range. Chunked,
 * the failing rank's sum holds only its own block: in SPMD mode the caller once caught the sequential
 * exception type with another number in its message whenever the failure fell past rank 0. A throw
 * reading a value the loop carries now keeps the loop sequential.
 */
public final class ThrowWithSum implements EffectsProgram {

  @Jit
  static double sumUntilMarked(double[] a) {
    double t = 0;
    for (int i = 0; i < a.length; i++) {
      t += a[i];
      if (a[i] > 1000) {
        throw new IllegalStateException("marked at " + i + " with sum " + t);
      }
    }
    return t;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 94);
    if (n > 1) {
      a[n * 2 / 3] = 2000;
    }
    try {
      s.put("sum", sumUntilMarked(a));
      s.noException();
    } catch (IllegalStateException e) {
      s.thrown(e);
    }
  }
}

package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Replaces the rows of its {@code double[][]} argument: the caller must hold the new row objects, so it runs on the driver. */
public final class ReplaceRows implements EffectsProgram {

  @Jit
  static void renew(double[][] m) {
    for (int i = 0; i < m.length; i++) {
      m[i] = new double[i % 3 + 1];
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[][] m = new double[n][3];
    double[] first = n > 0 ? m[0] : null;
    renew(m);
    s.put("m", m);
    s.put("first.replaced", n == 0 || m[0] != first);
  }
}

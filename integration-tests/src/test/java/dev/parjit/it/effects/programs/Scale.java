package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Scales an array parameter in place, twice: the caller's array must hold both scalings. */
public final class Scale implements EffectsProgram {

  @Jit
  static void scale(double[] a, double f) {
    for (int i = 0; i < a.length; i++) {
      a[i] *= f;
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 1);
    scale(a, 2.5);
    s.put("a", a);
    scale(a, -0.5);
    s.put("a2", a);
  }
}

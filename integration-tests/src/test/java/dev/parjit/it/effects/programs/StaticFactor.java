package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** A static double set by the caller just before each call and read in the loop: its current value counts. */
public final class StaticFactor implements EffectsProgram {

  static double factor;

  @Jit
  static void scaleByFactor(double[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] = a[i] * factor;
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 8);
    factor = 1.5;
    scaleByFactor(a);
    s.put("first", a);
    factor = -2 - n;
    scaleByFactor(a);
    s.put("second", a);
    s.put("factor", factor);
  }
}

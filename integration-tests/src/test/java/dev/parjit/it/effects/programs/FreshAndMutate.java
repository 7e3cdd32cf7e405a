package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Returns a fresh array of squares and negates its argument in the same loop: both must reach the caller. */
public final class FreshAndMutate implements EffectsProgram {

  @Jit
  static double[] squaresAndNegate(double[] a) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] * a[i];
      a[i] = -a[i];
    }
    return r;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 4);
    double[] r = squaresAndNegate(a);
    s.put("fresh", r != a);
    s.put("returned", r);
    s.put("a", a);
  }
}

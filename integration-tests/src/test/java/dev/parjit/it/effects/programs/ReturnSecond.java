package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Writes its first parameter and returns its second: identity of the return and both contents. */
public final class ReturnSecond implements EffectsProgram {

  @Jit
  static double[] pickSecond(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] = a[i] + b[i];
    }
    return b;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 2);
    double[] b = Data.doubles(n, 3);
    double[] r = pickSecond(a, b);
    s.put("sameAsB", r == b);
    s.put("sameAsA", r == a);
    s.put("a", a);
    s.put("b", b);
  }
}

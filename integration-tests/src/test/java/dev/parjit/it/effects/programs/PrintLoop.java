package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** A map that prints every iteration (inside the loop only, so SPMD ranks print disjoint blocks). */
public final class PrintLoop implements EffectsProgram {

  @Jit
  static double[] squaresLoud(double[] a) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] * a[i];
      System.out.println("OUT PrintLoop " + a.length + " i=" + i + " r=" + r[i]);
    }
    return r;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 20);
    s.put("returned", squaresLoud(a));
    s.put("a", a);
  }
}

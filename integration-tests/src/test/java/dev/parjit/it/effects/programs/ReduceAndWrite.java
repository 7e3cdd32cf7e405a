package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** One loop both halving its argument in place and summing it: a reduction returned and a write kept. */
public final class ReduceAndWrite implements EffectsProgram {

  @Jit
  static double halveAndSum(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      a[i] *= 0.5;
      s += a[i];
    }
    return s;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 24);
    s.put("sum", halveAndSum(a));
    s.put("a", a);
  }
}

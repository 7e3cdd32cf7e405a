package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** A parallel map that divides by zero at one index: the caller catches the sequential exception. */
public final class Reciprocals implements EffectsProgram {

  @Jit
  static double[] reciprocals(int[] d) {
    double[] out = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = 1.0 / d[i] + 10 / d[i];
    }
    return out;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int[] d = new int[n];
    for (int i = 0; i < n; i++) {
      d[i] = i == n - 2 ? 0 : 1 + i % 5;
    }
    try {
      s.put("reciprocals", reciprocals(d));
      s.noException();
    } catch (ArithmeticException e) {
      s.thrown(e);
    }
    s.put("d", d);
  }
}

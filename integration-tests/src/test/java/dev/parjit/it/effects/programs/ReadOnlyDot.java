package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** A dot product: arguments only read, so they must come back exactly as they were. */
public final class ReadOnlyDot implements EffectsProgram {

  @Jit
  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 27);
    double[] b = Data.doubles(n, 28);
    s.put("dot", dot(a, b));
    s.put("a", a);
    s.put("b", b);
  }
}

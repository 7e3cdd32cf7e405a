package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A forward difference reading {@code a[i + 1]} up to the last index: ArrayIndexOutOfBoundsException
 * there, after every other element of {@code d} was updated.
 */
public final class ThrowLast implements EffectsProgram {

  @Jit
  static void forwardDiff(double[] a, double[] d) {
    for (int i = 0; i < a.length; i++) {
      d[i] += a[i + 1] - a[i];
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 21);
    double[] d = Data.filled(n, 0.5);
    try {
      forwardDiff(a, d);
      s.noException();
    } catch (ArrayIndexOutOfBoundsException e) {
      s.thrown(e);
    }
    s.put("d", d);
    s.put("a", a);
  }
}

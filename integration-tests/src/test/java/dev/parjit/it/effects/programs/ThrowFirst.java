package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Throws IllegalStateException explicitly at the first index, before writing anything: other
 * ranks' blocks must not leave their writes in the caller's array.
 */
public final class ThrowFirst implements EffectsProgram {

  @Jit
  static void halveOrFail(double[] a) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] < 0) {
        throw new IllegalStateException("negative at " + i);
      }
      a[i] = a[i] * 0.5 + 1;
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = i == 0 ? -1 : i + 0.25;
    }
    try {
      halveOrFail(a);
      s.noException();
    } catch (IllegalStateException e) {
      s.thrown(e);
    }
    s.put("a", a);
  }
}

package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A reduction loop, then {@code a[0] = s}: one element written after the loop. For n = 0 that
 * write throws ArrayIndexOutOfBoundsException, which the caller catches.
 */
public final class WriteAfterLoop implements EffectsProgram {

  @Jit
  static void sumIntoFirst(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i];
    }
    a[0] = s;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 18);
    try {
      sumIntoFirst(a);
      s.noException();
    } catch (ArrayIndexOutOfBoundsException e) {
      s.thrown(e);
    }
    s.put("a", a);
  }
}

package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * An in-place integer division that meets a zero divisor at the middle index: ArithmeticException,
 * with the elements before it updated once and the rest untouched.
 */
public final class ThrowMiddle implements EffectsProgram {

  @Jit
  static void divideInPlace(int[] a, int[] d) {
    for (int i = 0; i < a.length; i++) {
      a[i] = a[i] / d[i] + 1;
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int[] a = new int[n];
    int[] d = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = 1000 + 37 * i;
      d[i] = i == n / 2 ? 0 : i % 4 + 1;
    }
    try {
      divideInPlace(a, d);
      s.noException();
    } catch (ArithmeticException e) {
      s.thrown(e);
    }
    s.put("a", a);
    s.put("d", d);
  }
}

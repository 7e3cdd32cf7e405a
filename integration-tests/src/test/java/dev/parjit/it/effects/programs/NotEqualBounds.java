package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Loops written with {@code i != a.length}. From 0 the index can only meet the length from below, so
 * the loop is an ordinary counted one; from any other start it may begin past the length, where the
 * sequential loop goes on and fails at its first access ({@code Index 4 out of bounds for length 3})
 * instead of running no iteration.
 */
public final class NotEqualBounds implements EffectsProgram {

  @Jit
  static void numberAll(int[] a) {
    for (int i = 0; i != a.length; i++) {
      a[i] = 10 * i + 1;
    }
  }

  @Jit
  static long sumFrom(int[] a, int start) {
    long s = 0;
    for (int i = start; i != a.length; i++) {
      s += a[i];
    }
    return s;
  }

  @Jit
  static void markFrom(int[] a, int start) {
    for (int i = start; i != a.length; i++) {
      a[i] = -1;
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int[] a = new int[n];
    numberAll(a);
    s.put("numbered", a);
    s.put("sumFromHalf", sumFrom(a, n / 2));
    try {
      s.put("sumPastTheEnd", sumFrom(a, n + 1));
    } catch (ArrayIndexOutOfBoundsException e) {
      s.thrown(e);
    }
    int[] b = Data.ints(n, 3);
    try {
      markFrom(b, n + 2);
      s.noException();
    } catch (ArrayIndexOutOfBoundsException e) {
      s.thrown(e);
    }
    s.put("marked", b);
  }
}

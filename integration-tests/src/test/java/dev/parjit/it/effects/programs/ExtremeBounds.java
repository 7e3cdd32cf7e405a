package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Loop bounds at the ends of the index type. {@code i <= Integer.MAX_VALUE} and
 * {@code i - 1 < Integer.MAX_VALUE} hold for every index, so the sequential loop runs until its
 * access fails; {@code i + 1 < Integer.MIN_VALUE} never holds. A parallel loop's exclusive end
 * ({@code n + 1}, {@code n - c}) must not wrap around into no iteration or into all of them.
 */
public final class ExtremeBounds implements EffectsProgram {

  @Jit
  static long sumThrough(int[] a, int last) {
    long s = 0;
    for (int i = 0; i <= last; i++) {
      s += a[i];
    }
    return s;
  }

  @Jit
  static long sumBelowPlusOne(int[] a, int n) {
    long s = 0;
    for (int i = 0; i + 1 < n; i++) {
      s += a[i];
    }
    return s;
  }

  @Jit
  static long sumBelowMinusOne(int[] a, int n) {
    long s = 0;
    for (int i = 0; i - 1 < n; i++) {
      s += a[i];
    }
    return s;
  }

  @Jit
  static long sumThroughLong(int[] a, long last) {
    long s = 0;
    for (long i = 0; i <= last; i++) {
      s += a[(int) i];
    }
    return s;
  }

  private static void call(State s, String key, java.util.function.LongSupplier f) {
    try {
      s.put(key, f.getAsLong());
    } catch (ArrayIndexOutOfBoundsException e) {
      s.put(key, "thrown " + e); // the exception's name marks the program as one that throws
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int[] a = Data.ints(n, 4);
    call(s, "throughMax", () -> sumThrough(a, Integer.MAX_VALUE));
    call(s, "throughLast", () -> sumThrough(a, n - 1));
    call(s, "plusOneBelowMin", () -> sumBelowPlusOne(a, Integer.MIN_VALUE));
    call(s, "plusOneBelowN", () -> sumBelowPlusOne(a, n));
    call(s, "minusOneBelowMax", () -> sumBelowMinusOne(a, Integer.MAX_VALUE));
    call(s, "throughLongMax", () -> sumThroughLong(a, Long.MAX_VALUE));
  }
}

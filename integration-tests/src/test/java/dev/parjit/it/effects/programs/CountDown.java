package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Loops counting down: a map that throws at large values (the sequential run meets the highest
 * such index first, so with several failing ranks the highest one's failure is the answer), an
 * in-place update with step -2 down to index 1, and a reduction bounded by {@code i > 0}.
 */
public final class CountDown implements EffectsProgram {

  @Jit
  static double[] halvesDown(double[] a) {
    double[] y = new double[a.length];
    for (int i = a.length - 1; i >= 0; i--) {
      if (a[i] > 80) {
        throw new IllegalStateException("too large at " + i);
      }
      y[i] = a[i] / 2 + i;
    }
    return y;
  }

  @Jit
  static void negateDown(double[] a) {
    for (int i = a.length - 1; i > 0; i -= 2) {
      a[i] = -a[i];
    }
  }

  @Jit
  static long squaresDown(int n) {
    long s = 0;
    for (int i = n; i > 0; i--) {
      s += (long) i * i;
    }
    return s;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 9);
    try {
      s.put("halves", halvesDown(a));
      s.noException();
    } catch (IllegalStateException e) {
      s.thrown(e);
    }
    double[] small = Data.filled(n, 3.5);
    for (int i = 0; i < n; i++) {
      small[i] += i % 70; // all below 80: no failure
    }
    s.put("halvesSmall", halvesDown(small));
    negateDown(a);
    s.put("a", a);
    s.put("squares", squaresDown(n));
  }
}

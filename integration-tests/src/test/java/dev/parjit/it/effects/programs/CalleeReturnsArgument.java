package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A {@code @Jit} method that checks its array and returns it, called from the caller's code and
 * from another {@code @Jit} method. In SPMD mode it once took chunks from its {@code @Jit} caller,
 * and then gave the caller's code back a copy of one rank's block instead of its own array.
 */
public final class CalleeReturnsArgument implements EffectsProgram {

  @Jit
  static double[] checked(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i];
    }
    if (Double.isNaN(s)) {
      throw new IllegalArgumentException("NaN among " + a.length + " values");
    }
    return a;
  }

  @Jit
  static double checkedTotal(double[] a) {
    double[] c = checked(a);
    double s = 0;
    for (int i = 0; i < c.length; i++) {
      s += c[i];
    }
    return s + (c == a ? 1000 : 0);
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 91);
    double[] c = checked(a);
    s.put("same", c == a);
    s.put("c", c);
    s.put("total", checkedTotal(a));
    if (n > 0) {
      a[n / 2] = Double.NaN;
    }
    try {
      checked(a);
      s.noException();
    } catch (IllegalArgumentException e) {
      s.thrown(e);
    }
  }
}

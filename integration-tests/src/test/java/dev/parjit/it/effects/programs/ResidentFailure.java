package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * An array updated in place by repeated calls (kept on the workers at n = 100), then by a call that
 * fails at its first element: sequentially nothing changed, so the caller's array still equals what
 * the workers held, but the ranks that own later blocks may have scaled theirs before the failure
 * was agreed. The next calls must not use those blocks.
 */
public final class ResidentFailure implements EffectsProgram {

  @Jit
  static void scaleBelow(double[] a, double f, double limit) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] > limit) {
        throw new IllegalStateException("above the limit at " + i);
      }
      a[i] = a[i] * f;
    }
  }

  @Jit
  static double total(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i];
    }
    return s;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int len = ResidentSolver.SCALE * n;
    double[] a = new double[len];
    for (int i = 0; i < len; i++) {
      a[i] = len - i;
    }
    scaleBelow(a, 0.5, 1e9);
    scaleBelow(a, 4, 1e9);
    try {
      scaleBelow(a, 8, len > 0 ? a[0] - 1 : 0);
      s.noException();
    } catch (IllegalStateException e) {
      s.thrown(e);
    }
    s.put("total", total(a));
    scaleBelow(a, 0.25, 1e9);
    s.put("a", a);
  }
}

package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A 5-point stencil from the caller's {@code u} into the caller's {@code v}, which already holds
 * values: the two elements at each end are not written and must keep them. A second kernel reads
 * one past the end at its last index, which throws the sequential exception.
 */
public final class WideStencil implements EffectsProgram {

  @Jit
  static double smooth(double[] u, double[] v) {
    double moved = 0;
    for (int i = 2; i < u.length - 2; i++) {
      v[i] = (-u[i - 2] + 4 * u[i - 1] + 10 * u[i] + 4 * u[i + 1] - u[i + 2]) / 16;
      moved += Math.abs(v[i] - u[i]);
    }
    return moved;
  }

  @Jit
  static void forwardDifference(int[] a, int[] d) {
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i + 1] - a[i];
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] u = Data.doubles(n, 24);
    double[] v = Data.filled(n, -3);
    s.put("moved", smooth(u, v));
    s.put("u", u);
    s.put("v", v);
    int[] a = Data.ints(n, 25);
    int[] d = new int[n];
    try {
      forwardDifference(a, d);
      s.noException();
    } catch (RuntimeException e) {
      s.thrown(e);
    }
    s.put("d", d);
  }
}

package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A 1-D Jacobi solve as sequential Java writes it: the caller's initial values copied into two
 * buffers, a time-step loop around a 3-point sweep of the interior, the buffers swapped after each
 * step. The ends never change. The sweeps run in parallel with one-element halos; the buffers stay
 * split across the steps.
 */
public final class JacobiSteps implements EffectsProgram {

  @Jit
  static double[] relax(double[] initial, int steps) {
    int n = initial.length;
    double[] u = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = initial[i];
      v[i] = initial[i];
    }
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < n - 1; i++) {
        v[i] = 0.25 * u[i - 1] + 0.5 * u[i] + 0.25 * u[i + 1];
      }
      double[] tmp = u;
      u = v;
      v = tmp;
    }
    return u;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] initial = Data.doubles(n, 23);
    s.put("odd", relax(initial, 3));
    s.put("even", relax(initial, 4));
    s.put("none", relax(initial, 0));
    s.put("initial", initial);
  }
}

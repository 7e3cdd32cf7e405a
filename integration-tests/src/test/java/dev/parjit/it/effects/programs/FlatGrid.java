package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Row-major 2-D data in one {@code double[]}, {@code g[k * i + j]}: allocated and run in blocks of whole rows. */
public final class FlatGrid implements EffectsProgram {

  @Jit
  static double[] grid(int rows, int k) {
    double[] g = new double[rows * k];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < k; j++) {
        g[k * i + j] = i * 0.5 + j;
      }
    }
    for (int i = 0; i < rows; i += 3) {
      for (int j = 0; j < k; j++) {
        g[i * k + j] -= 100;
      }
    }
    return g;
  }

  @Jit
  static double total(int rows, int k) {
    double[] g = new double[rows * k];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < k; j++) {
        g[i * k + j] = (i % 7) * 0.125 + j;
      }
    }
    double s = 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < k; j++) {
        s += g[i * k + j];
      }
    }
    return s;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    s.put("grid3", grid(n, 3));
    s.put("grid0", grid(n, 0));
    s.put("total", total(n, 4));
    if (n == 100) {
      s.put("large.total", total(5000, 7));
    }
  }
}

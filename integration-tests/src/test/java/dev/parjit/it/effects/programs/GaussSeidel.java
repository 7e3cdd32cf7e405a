package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** In-place Gauss–Seidel relaxation sweeps: each element reads its freshly updated left neighbour. */
public final class GaussSeidel implements EffectsProgram {

  @Jit
  static void relax(double[] u, int sweeps) {
    for (int s = 0; s < sweeps; s++) {
      for (int i = 1; i < u.length - 1; i++) {
        u[i] = (u[i - 1] + u[i + 1]) / 2;
      }
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] u = Data.doubles(n, 15);
    relax(u, 3);
    s.put("u", u);
  }
}

package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A 5-point Jacobi relaxation of a {@code double[][]} grid in a time loop with swapped buffers; a smoothing
 * over rows {@code i - 2 .. i + 2} (at small sizes a rank's block holds fewer rows than that halo, which
 * then comes from ranks further away). Gauss-Seidel, which reads rows it writes, is {@code TrapGaussSeidel2D}.
 */
public final class Jacobi2D implements EffectsProgram {

  private double[][] grid;
  private double[][] next;

  // parallel (halo): rows split, rows i-1 and i+1 exchanged each step
  @Jit
  void relax(int steps) {
    double[][] from = grid;
    double[][] to = next;
    int rows = from.length;
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < rows - 1; i++) {
        for (int j = 1; j < from[i].length - 1; j++) {
          to[i][j] = 0.25 * (from[i - 1][j] + from[i + 1][j] + from[i][j - 1] + from[i][j + 1]);
        }
      }
      double[][] swap = from;
      from = to;
      to = swap;
    }
  }

  // parallel (halo): out's rows split, g's rows i-2..i+2 read through a halo of rows
  @Jit
  static void smoothWide(double[][] g, double[][] out) {
    for (int i = 2; i < g.length - 2; i++) {
      for (int j = 0; j < g[i].length; j++) {
        out[i][j] = (g[i - 2][j] + g[i - 1][j] + g[i][j] + g[i + 1][j] + g[i + 2][j]) * 0.2;
      }
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    grid = CorpusData.matrix(n, 6, 42);
    next = CorpusData.matrix(n, 6, 42);
    relax(4);
    s.put("grid", grid);
    s.put("next", next);
    double[][] w = CorpusData.matrix(n, 5, 44);
    double[][] out = CorpusData.matrix(n, 5, 45);
    smoothWide(w, out);
    s.put("wideIn", w);
    s.put("wide", out);
  }
}

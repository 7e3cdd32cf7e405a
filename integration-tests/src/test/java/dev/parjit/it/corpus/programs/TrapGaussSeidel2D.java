package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Trap: in-place 5-point Gauss–Seidel sweeps; each point reads its freshly updated neighbours, rows
 * {@code i - 1} and {@code i + 1} of the grid the sweep writes (also when it writes through a local holding
 * the row): a halo of rows would read stale values.
 */
public final class TrapGaussSeidel2D implements EffectsProgram {

  private double[][] grid;

  @Jit
  void sweep(int sweeps) {
    for (int s = 0; s < sweeps; s++) {
      for (int i = 1; i < grid.length - 1; i++) {
        for (int j = 1; j < grid[i].length - 1; j++) {
          grid[i][j] = 0.25 * (grid[i - 1][j] + grid[i + 1][j] + grid[i][j - 1] + grid[i][j + 1]);
        }
      }
    }
  }

  @Jit
  static void sweepThroughRow(double[][] g, int sweeps) {
    for (int s = 0; s < sweeps; s++) {
      for (int i = 1; i < g.length - 1; i++) {
        double[] row = g[i];
        for (int j = 1; j < row.length - 1; j++) {
          row[j] = 0.25 * (g[i - 1][j] + g[i + 1][j] + row[j - 1] + row[j + 1]);
        }
      }
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    grid = CorpusData.matrix(n, 5, 100);
    sweep(2);
    s.put("grid", grid);
    double[][] g = CorpusData.matrix(n, 6, 101);
    sweepThroughRow(g, 3);
    s.put("g", g);
  }
}

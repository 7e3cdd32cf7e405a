package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Trap: in-place 5-point Gauss–Seidel sweeps; each point reads its freshly updated neighbours. */
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

  @Override
  public void run(int n) {
    State s = new State(this, n);
    grid = CorpusData.matrix(n, 5, 100);
    sweep(2);
    s.put("grid", grid);
  }
}

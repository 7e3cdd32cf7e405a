package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** A 5-point Jacobi relaxation of a {@code double[][]} grid in a time loop with swapped buffers. */
public final class Jacobi2D implements EffectsProgram {

  private double[][] grid;
  private double[][] next;

  // target: parallel (halo): rows split, rows i-1 and i+1 exchanged each step
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

  @Override
  public void run(int n) {
    State s = new State(this, n);
    grid = CorpusData.matrix(n, 6, 42);
    next = CorpusData.matrix(n, 6, 42);
    relax(4);
    s.put("grid", grid);
    s.put("next", next);
  }
}

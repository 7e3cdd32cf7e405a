package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Instance methods over a {@code double[][]} field of {@code this}, bounded by fields and by the
 * field's length, one calling the other: the row loops are parallel, the fields travel with the call.
 */
public final class InstanceGrid implements EffectsProgram {

  private double[][] grid;
  private int rows;
  private double weight;

  @Jit
  double total() {
    double s = 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < grid[i].length; j++) {
        s += grid[i][j] * weight;
      }
    }
    return s;
  }

  @Jit
  double[] rowShares() {
    double t = total();
    double[] out = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      double r = 0;
      for (int j = 0; j < grid[i].length; j++) {
        r += grid[i][j];
      }
      out[i] = t == 0 ? 0 : r * weight / t;
    }
    return out;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    grid = new double[n][];
    for (int i = 0; i < n; i++) {
      grid[i] = Data.doubles(i % 4 + 1, i);
    }
    rows = n;
    weight = 0.5;
    s.put("total", total());
    s.put("shares", rowShares());
    s.put("grid", grid);
  }
}

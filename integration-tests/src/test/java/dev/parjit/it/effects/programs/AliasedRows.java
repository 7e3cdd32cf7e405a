package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Adds one matrix into another, row by row. Called with distinct rows it runs on the workers; called
 * with one row object twice in the written matrix, or a row shared by both matrices, the sequential
 * result depends on that sharing, so such a call runs on the driver.
 */
public final class AliasedRows implements EffectsProgram {

  @Jit
  static void addInto(double[][] dst, double[][] src) {
    for (int i = 0; i < dst.length; i++) {
      for (int j = 0; j < dst[i].length; j++) {
        dst[i][j] += src[i][j] * 2;
      }
    }
  }

  private static double[][] matrix(int n, int seed) {
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = Data.doubles(3, seed + i);
    }
    return m;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[][] dst = matrix(n, 1);
    double[][] src = matrix(n, 40);
    addInto(dst, src);
    s.put("distinct", dst);
    if (n >= 2) {
      double[][] twice = matrix(n, 2);
      twice[n - 1] = twice[0]; // the same row at both ends: updated twice
      addInto(twice, matrix(n, 50));
      s.put("twice", twice);
      double[][] shared = matrix(n, 3);
      double[][] reader = matrix(n, 60);
      reader[1] = shared[0]; // a row of the written matrix is also read as another row
      addInto(shared, reader);
      s.put("shared", shared);
      s.put("reader", reader);
    }
  }
}

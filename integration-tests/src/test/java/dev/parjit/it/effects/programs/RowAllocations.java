package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Matrices allocated in the method by rows and returned: {@code new long[n][m]} and a triangle of {@code new int[n][]}. */
public final class RowAllocations implements EffectsProgram {

  @Jit
  static long[][] table(int n, int m) {
    long[][] t = new long[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        t[i][j] = (long) i * m + j;
      }
    }
    return t;
  }

  @Jit
  static int[][] triangle(int n) {
    int[][] t = new int[n][];
    for (int i = 0; i < t.length; i++) {
      t[i] = new int[i % 6 + 1];
      for (int j = 0; j < t[i].length; j++) {
        t[i][j] = i * j;
      }
    }
    return t;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    s.put("table", table(n, 3));
    s.put("triangle", triangle(n));
    try {
      table(n, -1);
      s.noException();
    } catch (NegativeArraySizeException e) {
      s.thrown(e);
    }
  }
}

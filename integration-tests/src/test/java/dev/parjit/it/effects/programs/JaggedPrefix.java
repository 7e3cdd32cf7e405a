package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Prefix sums inside each row of a jagged {@code long[][]} (rows of length 0 to 4, one row
 * {@code null} when skipped): the row loop is parallel, the loop inside a row stays sequential.
 */
public final class JaggedPrefix implements EffectsProgram {

  @Jit
  static void rowPrefix(long[][] m) {
    for (int i = 0; i < m.length; i++) {
      if (m[i] == null) {
        continue;
      }
      for (int j = 1; j < m[i].length; j++) {
        m[i][j] += m[i][j - 1];
      }
    }
  }

  @Jit
  static int[] rowLengths(int[][] m) {
    int[] out = new int[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].length;
    }
    return out;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    long[][] m = new long[n][];
    int[][] widths = new int[n][];
    for (int i = 0; i < n; i++) {
      m[i] = i % 7 == 5 ? null : new long[i % 5];
      if (m[i] != null) {
        for (int j = 0; j < m[i].length; j++) {
          m[i][j] = i * 10L + j;
        }
      }
      widths[i] = new int[(i * 3) % 4];
    }
    rowPrefix(m);
    s.put("m", m);
    s.put("lengths", rowLengths(widths));
  }
}

package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A benchmark-style matrix product over {@code double[][]} fields: the rows of {@code c} are written
 * in place by the row loop, {@code a}'s rows go with them and {@code b} travels whole.
 */
public final class FieldMatrix implements EffectsProgram {

  private double[][] a;
  private double[][] b;
  private double[][] c;

  @Jit
  void multiply() {
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b[0].length; j++) {
        double s = 0;
        for (int k = 0; k < b.length; k++) {
          s += a[i][k] * b[k][j];
        }
        c[i][j] = s;
      }
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int m = 3;
    a = new double[n][];
    c = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = Data.doubles(m, 30 + i);
      c[i] = new double[2];
    }
    b = new double[][] {Data.doubles(2, 40), Data.doubles(2, 41), Data.doubles(2, 42)};
    double[][] cBefore = c;
    double[] firstRow = n > 0 ? c[0] : null;
    multiply();
    s.put("c", c);
    s.put("a", a);
    s.put("sameC", c == cBefore);
    s.put("sameRow", n == 0 || c[0] == firstRow);
  }
}

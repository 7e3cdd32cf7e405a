package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Coefficients stored by row ({@code c[0][i]}, {@code c[1][i]} of a {@code double[2][n]} field) by
 * loops that call pure private helpers reading scalar fields, called with rows that are one array,
 * rows shorter than the loop, a missing row, and no rows at all.
 */
public final class CoefficientRows implements EffectsProgram {

  private double[][] c;
  private int terms;
  private double scale = 0.75;

  private double term(int i, int select) {
    double x = scale * i;
    return select == 0 ? Math.sin(x) + 1 / (1.0 + i) : Math.cos(x) * scale;
  }

  private double weight(int i) {
    return term(i, 0) * term(i, 1) + scale;
  }

  /** Both rows at the index, then a trailing store into row 0 after the loop. */
  @Jit
  void compute() {
    for (int i = 1; i < terms; i++) {
      c[0][i] = term(i, 0);
      c[1][i] = weight(i);
    }
    if (terms > 0) {
      c[0][0] = term(0, 0) / 2;
    }
  }

  /** Every other index, and row 1 only where the index is a multiple of 3. */
  @Jit
  void computeSparse() {
    for (int i = 0; i < terms; i += 2) {
      c[0][i] = weight(i);
      if (i % 3 == 0) {
        c[1][i] = -term(i, 1);
      }
    }
  }

  /** A static kernel over an argument: in SPMD mode too, every rank's copy ends whole. */
  @Jit
  static void table(double[][] t, int n) {
    for (int i = 0; i < n; i++) {
      t[0][i] = Math.sqrt(i) + 1;
      t[1][i] = i * 0.5 - Math.cbrt(i);
      t[2][i] = Math.max(t.length, i);
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    terms = n;
    c = new double[2][n];
    compute();
    s.put("compute", c);
    c = new double[][] {filled(n, 1), filled(n, 2)};
    computeSparse();
    s.put("sparse", c);
    // one row object in both rows: row 1's value is the one left at every index
    double[] shared = filled(n, 3);
    c = new double[][] {shared, shared};
    compute();
    s.put("sharedRows", c);
    s.put("sharedStill", c[0] == c[1]);
    // rows shorter than the loop, a missing row: the sequential exception, the rows as it leaves them
    c = new double[][] {filled(Math.max(0, n - 2), 4), filled(n, 5)};
    try {
      compute();
      s.noException();
    } catch (ArrayIndexOutOfBoundsException e) {
      s.thrown(e);
    }
    s.put("short", c);
    c = new double[][] {filled(n, 6), null};
    try {
      computeSparse();
      s.noException();
    } catch (NullPointerException e) {
      s.put("thrown", e.getClass().getName());
    }
    s.put("missing", c);
    double[][] t = new double[3][n];
    table(t, n);
    s.put("table", t);
    double[] one = new double[n];
    double[][] u = {one, new double[n + 1], one};
    table(u, n);
    s.put("tableShared", u);
    s.put("tableSharedStill", u[0] == u[2]);
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }
}

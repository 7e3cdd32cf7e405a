package dev.parjit.analysis.targets;

/**
 * Nested loops where either could run in parallel: the row loop with an array reduction, or the
 * loop inside it over the reduced array ({@code RowLoopPreference}); and the shapes that keep the
 * inner loop.
 */
public final class RowLoopTargets {

  private RowLoopTargets() { }

  /** Column sums: the row loop splits {@code m} by rows, {@code sums} is an array reduction. */
  public static double[] columnSums(double[][] m, int cols) {
    double[] sums = new double[cols];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < cols; j++) {
        sums[j] += m[i][j];
      }
    }
    return sums;
  }

  /** The width read from row 0 outside the loops, as {@code MatVec2D.columnSums} does. */
  public static double[] columnSumsOfFirstRow(double[][] m) {
    int cols = m.length == 0 ? 0 : m[0].length;
    double[] sums = new double[cols];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < cols; j++) {
        sums[j] += m[i][j];
      }
    }
    return sums;
  }

  /** A time loop around a sweep that accumulates: its index splits no array, the sweep stays parallel. */
  public static double[] accumulateSteps(double[] x, int steps) {
    double[] acc = new double[x.length];
    for (int t = 0; t < steps; t++) {
      for (int j = 0; j < x.length; j++) {
        acc[j] += x[j] * t;
      }
    }
    return acc;
  }

  /** The row loop also writes {@code out[j]} plainly: no reduction, the column loop stays the parallel one. */
  public static double[] lastRow(double[][] m, int cols) {
    double[] out = new double[cols];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < cols; j++) {
        out[j] = m[i][j];
      }
    }
    return out;
  }

  /** A matrix the method allocates, its width read from row 0 after the loop that fills it. */
  public static int filledWidth(int n) {
    double[][] m = new double[n][3];
    for (int i = 0; i < n; i++) {
      m[i][0] = i;
    }
    return n == 0 ? 0 : m[0].length;
  }
}

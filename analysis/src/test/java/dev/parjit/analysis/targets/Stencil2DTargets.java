package dev.parjit.analysis.targets;

/** Two-dimensional stencils: rows of a {@code double[][]} and rows of a flat row-major grid. */
public final class Stencil2DTargets {

  private Stencil2DTargets() { }

  /** A 5-point Jacobi over the caller's two grids, swapped in locals (a spawn-mode method's fields arrive so). */
  public static void jacobi2d(double[][] grid, double[][] next, int steps) {
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

  /** Gauss-Seidel: the sweep reads rows it writes. */
  public static void gaussSeidel2d(double[][] g, int steps) {
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < g.length - 1; i++) {
        for (int j = 1; j < g[i].length - 1; j++) {
          g[i][j] = 0.25 * (g[i - 1][j] + g[i + 1][j] + g[i][j - 1] + g[i][j + 1]);
        }
      }
    }
  }

  /** A flat row-major 5-point stencil, {@code u[c ± w]}, over clones of the argument. */
  public static double[] diffuse(double[] u, int h, int w, int steps) {
    double[] a = u.clone();
    double[] b = u.clone();
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < h - 1; i++) {
        for (int j = 1; j < w - 1; j++) {
          int c = i * w + j;
          b[c] = a[c] + 0.125 * (a[c - w] + a[c + w] + a[c - 1] + a[c + 1] - 4 * a[c]);
        }
      }
      double[] swap = a;
      a = b;
      b = swap;
    }
    return a;
  }

  public static void rowSweep(double[][] from, double[][] to) {
    for (int i = 1; i < from.length - 1; i++) {
      for (int j = 1; j < from[i].length - 1; j++) {
        to[i][j] = 0.25 * (from[i][j - 1] + from[i][j + 1]);
      }
    }
  }

  public static void rowSweepSwapped(double[][] grid, double[][] next, int steps) {
    double[][] from = grid;
    double[][] to = next;
    int rows = from.length;
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < rows - 1; i++) {
        for (int j = 1; j < from[i].length - 1; j++) {
          to[i][j] = 0.25 * (from[i][j - 1] + from[i][j + 1]);
        }
      }
      double[][] swap = from;
      from = to;
      to = swap;
    }
  }

  public static void flatRows(double[] a, double[] b, int h, int w) {
    for (int i = 1; i < h - 1; i++) {
      for (int j = 1; j < w - 1; j++) {
        int c = i * w + j;
        b[c] = a[c] + 0.125 * (a[c - 1] + a[c + 1]);
      }
    }
  }

  public static void flatRowsHalo(double[] a, double[] b, int h, int w) {
    for (int i = 1; i < h - 1; i++) {
      for (int j = 1; j < w - 1; j++) {
        int c = i * w + j;
        b[c] = a[c] + 0.125 * (a[c - w] + a[c + w] + a[c - 1] + a[c + 1]);
      }
    }
  }

  /** Rows i - 2 .. i + 2 of g into out. */
  public static void smoothWide(double[][] g, double[][] out) {
    for (int i = 2; i < g.length - 2; i++) {
      for (int j = 0; j < g[i].length; j++) {
        out[i][j] = (g[i - 2][j] + g[i - 1][j] + g[i][j] + g[i + 1][j] + g[i + 2][j]) * 0.2;
      }
    }
  }

  /** Gauss-Seidel writing through a local holding the row. */
  public static void gaussSeidelRowLocal(double[][] g) {
    for (int i = 1; i < g.length - 1; i++) {
      double[] row = g[i];
      for (int j = 1; j < row.length - 1; j++) {
        row[j] = 0.25 * (g[i - 1][j] + g[i + 1][j]);
      }
    }
  }

  /** Jacobi reading the neighbour rows through locals: the rows are not only read element by element. */
  public static void jacobiRowLocals(double[][] from, double[][] to) {
    for (int i = 1; i < from.length - 1; i++) {
      double[] up = from[i - 1];
      double[] down = from[i + 1];
      for (int j = 0; j < up.length; j++) {
        to[i][j] = 0.5 * (up[j] + down[j]);
      }
    }
  }

  /** Gauss-Seidel writing each row through a copy into it. */
  public static void gaussSeidelCopy(double[][] g, double[] tmp) {
    for (int i = 1; i < g.length - 1; i++) {
      for (int j = 0; j < tmp.length; j++) {
        tmp[j] = g[i - 1][j] + g[i + 1][j];
      }
      System.arraycopy(tmp, 0, g[i], 0, tmp.length);
    }
  }

  /** Jacobi with the row loop bounded by the rotating buffer's length. */
  public static void jacobi2dLength(double[][] grid, double[][] next, int steps) {
    double[][] from = grid;
    double[][] to = next;
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < from.length - 1; i++) {
        for (int j = 1; j < from[i].length - 1; j++) {
          to[i][j] = 0.25 * (from[i - 1][j] + from[i + 1][j] + from[i][j - 1] + from[i][j + 1]);
        }
      }
      double[][] swap = from;
      from = to;
      to = swap;
    }
  }
}

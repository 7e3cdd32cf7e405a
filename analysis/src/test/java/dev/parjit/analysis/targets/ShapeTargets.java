package dev.parjit.analysis.targets;

/** Loop shapes as sequential Java numeric code writes them: bounds, starts, steps and directions. */
public final class ShapeTargets {

  static int size = 10;
  int n;
  double[] data;
  double[][] grid;

  public static double staticBound(double[] a) {
    double s = 0;
    for (int i = 0; i < size; i++) {
      s += a[i];
    }
    return s;
  }

  public double fieldBound() {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += data[i];
    }
    return s;
  }

  public double fieldArrayLength() {
    double s = 0;
    for (int i = 0; i < data.length; i++) {
      s += data[i] * 2;
    }
    return s;
  }

  public static double finalLocal(double[] a) {
    final int m = a.length - 1;
    double s = 0;
    for (int i = 1; i < m; i++) {
      s += a[i];
    }
    return s;
  }

  public static double[] interior(int n) {
    double[] x = new double[n];
    for (int i = 1; i < n - 1; i++) {
      x[i] = i * 0.5;
    }
    return x;
  }

  public static void stepTwo(double[] a) {
    for (int i = 0; i < a.length; i += 2) {
      a[i] = -a[i];
    }
  }

  public static double halfBound(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length / 2; i++) {
      s += a[i];
    }
    return s;
  }

  public static double lessOrEqual(double[] a) {
    double s = 0;
    for (int i = 0; i <= a.length - 1; i++) {
      s += a[i];
    }
    return s;
  }

  public static double notEqual(double[] a) {
    double s = 0;
    for (int i = 0; i != a.length; i++) {
      s += a[i];
    }
    return s;
  }

  public static double countDown(double[] a) {
    double s = 0;
    for (int i = a.length - 1; i >= 0; i--) {
      s += a[i];
    }
    return s;
  }

  public static void countDownMap(double[] a) {
    for (int i = a.length - 1; i >= 0; i--) {
      a[i] = a[i] * 3;
    }
  }

  public static double countDownStrict(int n) {
    double s = 0;
    for (int i = n; i > 0; i -= 3) {
      s += i;
    }
    return s;
  }

  public static void countDownPrefix(double[] a) {
    for (int i = a.length - 1; i > 0; i--) {
      a[i] = a[i] - a[i - 1];
    }
  }

  public static double[] mirrorWeights = new double[0];
  public static long[][] tallyRows = new long[0][];

  /** Accumulates into {@code d} while reading a static of its type: {@code mirrorAdd(mirrorWeights)} reads its own sums. */
  public static void mirrorAdd(double[] d) {
    for (int i = 0; i < d.length; i++) {
      d[i] += mirrorWeights[d.length - 1 - i];
    }
  }

  /** The same reading another static of another element type: no alias possible. */
  public static void mirrorAddOtherType(double[] d, int[] keys) {
    for (int i = 0; i < keys.length; i++) {
      d[keys[i] & 3] += tallyRows.length;
    }
  }

  /** A check whose message reads the sum so far: a rank's sum lacks the ranks before it. */
  public static double sumUntilTooBig(double[] a) {
    double t = 0;
    for (int i = 0; i < a.length; i++) {
      t += a[i];
      if (a[i] > 80) {
        throw new IllegalStateException("at " + i + " sum " + t);
      }
    }
    return t;
  }

  /** The same check naming the element and its index only: parallel. */
  public static double sumUntilTooBigAt(double[] a) {
    double t = 0;
    for (int i = 0; i < a.length; i++) {
      double v = a[i];
      if (v > 80) {
        throw new IllegalStateException("at " + i + " value " + v);
      }
      t += v;
    }
    return t;
  }

  public static int[] countDownHistogram(int[] keys) {
    int[] h = new int[4];
    for (int i = keys.length - 1; i >= 0; i--) {
      h[keys[i] & 3]++;
    }
    return h;
  }

  public static double[][] matmul(double[][] a, double[][] b) {
    int n = a.length;
    int m = b[0].length;
    double[][] c = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int k = 0; k < b.length; k++) {
          s += a[i][k] * b[k][j];
        }
        c[i][j] = s;
      }
    }
    return c;
  }

  public static void scaleRows(double[][] m, double f) {
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        m[i][j] *= f;
      }
    }
  }

  public static double[] flatFill(int rows, int k) {
    double[] a = new double[rows * k];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < k; j++) {
        a[k * i + j] = i + j * 0.5;
      }
    }
    return a;
  }

  public static void rowFromPreviousRow(double[][] c) {
    for (int i = 1; i < c.length; i++) {
      for (int j = 0; j < c[i].length; j++) {
        c[i][j] = c[i - 1][j] + 1;
      }
    }
  }

  public static void rowThroughLocal(double[][] c) {
    for (int i = 0; i < c.length; i++) {
      double[] row = c[i];
      for (int j = 0; j < row.length; j++) {
        row[j] = j;
      }
    }
  }

  public static void rowFromIterationBefore(double[][] c) {
    double[] previous = new double[0];
    for (int i = 0; i < c.length; i++) {
      if (previous.length > 0) {
        previous[0] = i;
      }
      previous = c[i];
    }
  }

  public static double fourDimensions(double[][][][] t) {
    double s = 0;
    for (int i = 0; i < t.length; i++) {
      s += t[i].length;
    }
    return s;
  }

  public static long[][][] cube(int n) {
    long[][][] t = new long[n][2][3];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 2; j++) {
        for (int k = 0; k < 3; k++) {
          t[i][j][k] = i + j + k;
        }
      }
    }
    return t;
  }

  public static int[][] jagged(int n) {
    int[][] t = new int[n][];
    for (int i = 0; i < n; i++) {
      t[i] = new int[i + 1];
      t[i][i] = i;
    }
    return t;
  }

  public static double[] flatScale(int rows, int k) {
    double[] a = new double[rows * k];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < k; j++) {
        a[i * k + j] = i - j;
      }
    }
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < k; j++) {
        a[k * i + j] *= 2;
      }
    }
    return a;
  }

  public static double[] flatMixed(int rows, int k) {
    double[] a = new double[rows * k];
    double[] sums = new double[rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < k; j++) {
        a[k * i + j] = j;
        sums[i] += j;
      }
    }
    return sums;
  }

  public static double[] flatFromColumnOne(int rows, int k) {
    double[] a = new double[rows * k];
    for (int i = 0; i < rows; i++) {
      for (int j = 1; j < k; j++) {
        a[k * i + j] = j;
      }
    }
    return a;
  }

  public double gridSum() {
    double s = 0;
    for (int i = 0; i < grid.length; i++) {
      for (int j = 0; j < grid[i].length; j++) {
        s += grid[i][j];
      }
    }
    return s;
  }
}

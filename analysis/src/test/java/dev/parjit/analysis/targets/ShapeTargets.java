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

  /** From a start that may pass the length the sequential loop runs on and fails: not counted. */
  public static double notEqualFrom(double[] a, int start) {
    double s = 0;
    for (int i = start; i != a.length; i++) {
      s += a[i];
    }
    return s;
  }

  /** From 0 towards a bound that may be negative: the same. */
  public static double notEqualToParameter(double[] a, int n) {
    double s = 0;
    for (int i = 0; i != n; i++) {
      s += a[i];
    }
    return s;
  }

  /** A long index from 0 to a length: counted. */
  public static double notEqualLong(double[] a) {
    double s = 0;
    for (long i = 0; i != a.length; i++) {
      s += a[(int) i];
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

  /** 63 sums in one loop (the most one loop's combine holds is 63). */
  public static double sums63(double[] a) {
    double s0 = 0; double s1 = 0; double s2 = 0; double s3 = 0; double s4 = 0; double s5 = 0; double s6 = 0; double s7 = 0; double s8 = 0; double s9 = 0; double s10 = 0; double s11 = 0; double s12 = 0; double s13 = 0; double s14 = 0; double s15 = 0; double s16 = 0; double s17 = 0; double s18 = 0; double s19 = 0; double s20 = 0; double s21 = 0; double s22 = 0; double s23 = 0; double s24 = 0; double s25 = 0; double s26 = 0; double s27 = 0; double s28 = 0; double s29 = 0; double s30 = 0; double s31 = 0; double s32 = 0; double s33 = 0; double s34 = 0; double s35 = 0; double s36 = 0; double s37 = 0; double s38 = 0; double s39 = 0; double s40 = 0; double s41 = 0; double s42 = 0; double s43 = 0; double s44 = 0; double s45 = 0; double s46 = 0; double s47 = 0; double s48 = 0; double s49 = 0; double s50 = 0; double s51 = 0; double s52 = 0; double s53 = 0; double s54 = 0; double s55 = 0; double s56 = 0; double s57 = 0; double s58 = 0; double s59 = 0; double s60 = 0; double s61 = 0; double s62 = 0;
    for (int i = 0; i < a.length; i++) {
      s0 += a[i] * 1;
      s1 += a[i] * 2;
      s2 += a[i] * 3;
      s3 += a[i] * 4;
      s4 += a[i] * 5;
      s5 += a[i] * 6;
      s6 += a[i] * 7;
      s7 += a[i] * 8;
      s8 += a[i] * 9;
      s9 += a[i] * 10;
      s10 += a[i] * 11;
      s11 += a[i] * 12;
      s12 += a[i] * 13;
      s13 += a[i] * 14;
      s14 += a[i] * 15;
      s15 += a[i] * 16;
      s16 += a[i] * 17;
      s17 += a[i] * 18;
      s18 += a[i] * 19;
      s19 += a[i] * 20;
      s20 += a[i] * 21;
      s21 += a[i] * 22;
      s22 += a[i] * 23;
      s23 += a[i] * 24;
      s24 += a[i] * 25;
      s25 += a[i] * 26;
      s26 += a[i] * 27;
      s27 += a[i] * 28;
      s28 += a[i] * 29;
      s29 += a[i] * 30;
      s30 += a[i] * 31;
      s31 += a[i] * 32;
      s32 += a[i] * 33;
      s33 += a[i] * 34;
      s34 += a[i] * 35;
      s35 += a[i] * 36;
      s36 += a[i] * 37;
      s37 += a[i] * 38;
      s38 += a[i] * 39;
      s39 += a[i] * 40;
      s40 += a[i] * 41;
      s41 += a[i] * 42;
      s42 += a[i] * 43;
      s43 += a[i] * 44;
      s44 += a[i] * 45;
      s45 += a[i] * 46;
      s46 += a[i] * 47;
      s47 += a[i] * 48;
      s48 += a[i] * 49;
      s49 += a[i] * 50;
      s50 += a[i] * 51;
      s51 += a[i] * 52;
      s52 += a[i] * 53;
      s53 += a[i] * 54;
      s54 += a[i] * 55;
      s55 += a[i] * 56;
      s56 += a[i] * 57;
      s57 += a[i] * 58;
      s58 += a[i] * 59;
      s59 += a[i] * 60;
      s60 += a[i] * 61;
      s61 += a[i] * 62;
      s62 += a[i] * 63;
    }
    return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10 + s11 + s12 + s13 + s14 + s15 + s16 + s17 + s18 + s19 + s20 + s21 + s22 + s23 + s24 + s25 + s26 + s27 + s28 + s29 + s30 + s31 + s32 + s33 + s34 + s35 + s36 + s37 + s38 + s39 + s40 + s41 + s42 + s43 + s44 + s45 + s46 + s47 + s48 + s49 + s50 + s51 + s52 + s53 + s54 + s55 + s56 + s57 + s58 + s59 + s60 + s61 + s62;
  }

  /** 64 sums in one loop (the most one loop's combine holds is 63). */
  public static double sums64(double[] a) {
    double s0 = 0; double s1 = 0; double s2 = 0; double s3 = 0; double s4 = 0; double s5 = 0; double s6 = 0; double s7 = 0; double s8 = 0; double s9 = 0; double s10 = 0; double s11 = 0; double s12 = 0; double s13 = 0; double s14 = 0; double s15 = 0; double s16 = 0; double s17 = 0; double s18 = 0; double s19 = 0; double s20 = 0; double s21 = 0; double s22 = 0; double s23 = 0; double s24 = 0; double s25 = 0; double s26 = 0; double s27 = 0; double s28 = 0; double s29 = 0; double s30 = 0; double s31 = 0; double s32 = 0; double s33 = 0; double s34 = 0; double s35 = 0; double s36 = 0; double s37 = 0; double s38 = 0; double s39 = 0; double s40 = 0; double s41 = 0; double s42 = 0; double s43 = 0; double s44 = 0; double s45 = 0; double s46 = 0; double s47 = 0; double s48 = 0; double s49 = 0; double s50 = 0; double s51 = 0; double s52 = 0; double s53 = 0; double s54 = 0; double s55 = 0; double s56 = 0; double s57 = 0; double s58 = 0; double s59 = 0; double s60 = 0; double s61 = 0; double s62 = 0; double s63 = 0;
    for (int i = 0; i < a.length; i++) {
      s0 += a[i] * 1;
      s1 += a[i] * 2;
      s2 += a[i] * 3;
      s3 += a[i] * 4;
      s4 += a[i] * 5;
      s5 += a[i] * 6;
      s6 += a[i] * 7;
      s7 += a[i] * 8;
      s8 += a[i] * 9;
      s9 += a[i] * 10;
      s10 += a[i] * 11;
      s11 += a[i] * 12;
      s12 += a[i] * 13;
      s13 += a[i] * 14;
      s14 += a[i] * 15;
      s15 += a[i] * 16;
      s16 += a[i] * 17;
      s17 += a[i] * 18;
      s18 += a[i] * 19;
      s19 += a[i] * 20;
      s20 += a[i] * 21;
      s21 += a[i] * 22;
      s22 += a[i] * 23;
      s23 += a[i] * 24;
      s24 += a[i] * 25;
      s25 += a[i] * 26;
      s26 += a[i] * 27;
      s27 += a[i] * 28;
      s28 += a[i] * 29;
      s29 += a[i] * 30;
      s30 += a[i] * 31;
      s31 += a[i] * 32;
      s32 += a[i] * 33;
      s33 += a[i] * 34;
      s34 += a[i] * 35;
      s35 += a[i] * 36;
      s36 += a[i] * 37;
      s37 += a[i] * 38;
      s38 += a[i] * 39;
      s39 += a[i] * 40;
      s40 += a[i] * 41;
      s41 += a[i] * 42;
      s42 += a[i] * 43;
      s43 += a[i] * 44;
      s44 += a[i] * 45;
      s45 += a[i] * 46;
      s46 += a[i] * 47;
      s47 += a[i] * 48;
      s48 += a[i] * 49;
      s49 += a[i] * 50;
      s50 += a[i] * 51;
      s51 += a[i] * 52;
      s52 += a[i] * 53;
      s53 += a[i] * 54;
      s54 += a[i] * 55;
      s55 += a[i] * 56;
      s56 += a[i] * 57;
      s57 += a[i] * 58;
      s58 += a[i] * 59;
      s59 += a[i] * 60;
      s60 += a[i] * 61;
      s61 += a[i] * 62;
      s62 += a[i] * 63;
      s63 += a[i] * 64;
    }
    return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10 + s11 + s12 + s13 + s14 + s15 + s16 + s17 + s18 + s19 + s20 + s21 + s22 + s23 + s24 + s25 + s26 + s27 + s28 + s29 + s30 + s31 + s32 + s33 + s34 + s35 + s36 + s37 + s38 + s39 + s40 + s41 + s42 + s43 + s44 + s45 + s46 + s47 + s48 + s49 + s50 + s51 + s52 + s53 + s54 + s55 + s56 + s57 + s58 + s59 + s60 + s61 + s62 + s63;
  }
}

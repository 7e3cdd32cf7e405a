package dev.parjit.analysis.targets;

/** Stencils, indirect reads, sparse rows and scatter-adds, written as sequential Java writes them. */
public final class StencilTargets {

  private StencilTargets() { }

  /** The same stencil counting down: halos are exchanged only around loops counting up. */
  public static void smoothDown(double[] u, double[] v) {
    for (int i = v.length - 2; i >= 1; i--) {
      v[i] = (u[i - 1] + u[i] + u[i + 1]) / 3;
    }
  }

  /** A 3-point stencil from one parameter into another. */
  public static void smooth(double[] u, double[] v) {
    for (int i = 1; i < u.length - 1; i++) {
      v[i] = (u[i - 1] + u[i] + u[i + 1]) / 3;
    }
  }

  /** A 5-point stencil with offsets -2..2 and a reduction over the same reads. */
  public static double wide(float[] u, float[] v) {
    double s = 0;
    for (int i = 2; i < u.length - 2; i++) {
      v[i] = u[i - 2] - 2 * u[i - 1] + u[i + 2];
      s += u[i + 1];
    }
    return s;
  }

  /** Jacobi in a time-step loop with swapped buffers. */
  public static double[] jacobi(int n, int steps) {
    double[] u = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = i % 5;
      v[i] = u[i];
    }
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < n - 1; i++) {
        v[i] = (u[i - 1] + u[i] + u[i + 1]) / 3;
      }
      double[] tmp = u;
      u = v;
      v = tmp;
    }
    return u;
  }

  /** Jacobi over the caller's two arrays, swapped in locals (a spawn-mode method's fields arrive so). */
  public static void jacobiParams(double[] a, double[] b, int steps) {
    double[] from = a;
    double[] to = b;
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < from.length - 1; i++) {
        to[i] = (from[i - 1] + from[i + 1]) * 0.5;
      }
      double[] swap = from;
      from = to;
      to = swap;
    }
  }

  /** One parameter in both buffers: they hold one array from the start. */
  public static void jacobiOneParam(double[] a, int steps) {
    double[] from = a;
    double[] to = a;
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < from.length - 1; i++) {
        to[i] = (from[i - 1] + from[i + 1]) * 0.5;
      }
      double[] swap = from;
      from = to;
      to = swap;
    }
  }

  /** A parameter and an allocation swapped: a group takes its arrays from one kind of source only. */
  public static double[] jacobiMixed(double[] a, int steps) {
    double[] from = a;
    double[] to = new double[a.length];
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < from.length - 1; i++) {
        to[i] = (from[i - 1] + from[i + 1]) * 0.5;
      }
      double[] swap = from;
      from = to;
      to = swap;
    }
    return from;
  }

  /** The caller's arrays, and a parameter also read where the buffer holding it may be written. */
  public static void jacobiParamsReadingA(double[] a, double[] b, int steps) {
    double[] from = a;
    double[] to = b;
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < from.length - 1; i++) {
        to[i] = (from[i - 1] + a[i + 1]) * 0.5;
      }
      double[] swap = from;
      from = to;
      to = swap;
    }
  }

  /** One parameter feeding two groups: on the second step p and to both hold a, read at i - 1 and written. */
  public static void jacobiTwoGroups(double[] a, double[] b, double[] c, int steps) {
    double[] from = a;
    double[] to = b;
    double[] p = c;
    double[] q = a;
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < from.length - 1; i++) {
        to[i] = (p[i - 1] + p[i + 1]) * 0.5;
        q[i] = from[i];
      }
      double[] swap = from;
      from = to;
      to = swap;
      double[] other = p;
      p = q;
      q = other;
    }
  }

  /** After the first step both variables hold one array: the sweep is then Gauss–Seidel-like. */
  public static double[] collapsed(int n, int steps) {
    double[] u = new double[n];
    double[] v = new double[n];
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < n - 1; i++) {
        v[i] = u[i - 1] + u[i + 1];
      }
      u = v;
    }
    return u;
  }

  /** Gauss–Seidel: reads the element the previous iteration wrote. */
  public static void gaussSeidel(double[] u) {
    for (int i = 1; i < u.length - 1; i++) {
      u[i] = (u[i - 1] + u[i + 1]) / 2;
    }
  }

  /** In-place prefix sum. */
  public static void prefixInPlace(long[] a) {
    for (int i = 1; i < a.length; i++) {
      a[i] += a[i - 1];
    }
  }

  /** An offset wider than a halo Parjit exchanges. */
  public static void farAway(double[] u, double[] v) {
    for (int i = 0; i < u.length - 100; i++) {
      v[i] = u[i + 100];
    }
  }

  /** A stencil over bytes: no halo for this element type. */
  public static void bytes(byte[] u, byte[] v) {
    for (int i = 1; i < u.length; i++) {
      v[i] = (byte) (u[i] ^ u[i - 1]);
    }
  }

  /** An indirect read: x is read at col[k]. */
  public static double[] gather(double[] x, int[] col) {
    double[] y = new double[col.length];
    for (int k = 0; k < col.length; k++) {
      y[k] = 2 * x[col[k]];
    }
    return y;
  }

  /** A CSR row loop. */
  public static double[] csr(int[] rowptr, int[] col, double[] val, double[] x) {
    int n = rowptr.length - 1;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = rowptr[i]; k < rowptr[i + 1]; k++) {
        s += val[k] * x[col[k]];
      }
      y[i] = s;
    }
    return y;
  }

  /** A CSR row loop that also scales the nonzeros it reads: they are written, so they stay whole. */
  public static double[] csrScaled(int[] rowptr, double[] val, double[] x) {
    int n = rowptr.length - 1;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = rowptr[i]; k < rowptr[i + 1]; k++) {
        s += val[k] * x[i];
        val[k] = val[k] * 0.5;
      }
      y[i] = s;
    }
    return y;
  }

  /** A COO scatter-add into a fresh array. */
  public static double[] coo(int n, int[] row, int[] col, double[] val, double[] x) {
    double[] y = new double[n];
    for (int k = 0; k < row.length; k++) {
      y[row[k]] += val[k] * x[col[k]];
    }
    return y;
  }

  /** A histogram with computed bins into the caller's array. */
  public static void binned(double[] samples, long[] bins, double width) {
    for (int k = 0; k < samples.length; k++) {
      bins[(int) (samples[k] / width)]++;
    }
  }
}

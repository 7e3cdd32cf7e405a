package dev.parjit.analysis.targets;

/** Vectors read through a CSR row's column indices ({@code x[col[k]]}), as a sparse solver reads them. */
public final class IndexedReadTargets {

  private IndexedReadTargets() { }

  /** A conjugate-gradient solve written inline: every vector stays split across the iterations. */
  public static double[] solve(int[] rowPtr, int[] colIdx, double[] values, double[] b, int iterations) {
    int n = b.length;
    double[] x = new double[n];
    double[] r = new double[n];
    double[] p = new double[n];
    double[] ap = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = b[i];
      p[i] = b[i];
    }
    double rr = 0;
    for (int i = 0; i < n; i++) {
      rr += r[i] * r[i];
    }
    for (int it = 0; it < iterations && rr > 0; it++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
          s += values[k] * p[colIdx[k]];
        }
        ap[i] = s;
      }
      double pap = 0;
      for (int i = 0; i < n; i++) {
        pap += p[i] * ap[i];
      }
      double alpha = rr / pap;
      double next = 0;
      for (int i = 0; i < n; i++) {
        x[i] += alpha * p[i];
        r[i] -= alpha * ap[i];
        next += r[i] * r[i];
      }
      double beta = next / rr;
      for (int i = 0; i < n; i++) {
        p[i] = r[i] + beta * p[i];
      }
      rr = next;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += x[i];
    }
    return new double[] {rr, sum, x[0]};
  }

  /** One product of a fresh vector: {@code x} is the method's own, read only through {@code col}. */
  public static double productSum(int[] rowPtr, int[] col, float[] val, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        s += val[k] * x[col[k]];
      }
      total += s;
    }
    return total;
  }

  /** Trap: the row loop writes the vector it reads through {@code col} (a Gauss–Seidel sweep). */
  public static double[] gaussSeidel(int[] rowPtr, int[] col, double[] val, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 1;
    }
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        s += val[k] * x[col[k]];
      }
      x[i] = s;
    }
    return x;
  }

  /** Trap: the row loop writes the column indices it reads ({@code col} is no nonzero segment then). */
  public static double[] colWritten(int[] rowPtr, int[] col, double[] val, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        s += val[k] * x[col[k]];
        col[k] = (col[k] + 1) % n;
      }
      y[i] = s;
    }
    return y;
  }

  /** An index array read at the row's own index ({@code x[perm[i]]}), not through a CSR row: x stays whole. */
  public static double[] permuted(int[] perm, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = x[perm[i]];
    }
    return y;
  }
}

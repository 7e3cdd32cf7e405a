package dev.parjit.transforms.targets;

import dev.parjit.Jit;

/**
 * The conjugate-gradient solve with its iteration loop inside the method (the bench's {@code cg-jit}):
 * the matrix is never written, so its exchanges are computed once per call; and the same solve
 * with the matrix scaled in place after the loop, whose exchanges must stay per iteration.
 */
public class CsrSolveTargets {

  /** {@code iterations} CG steps from x = 0 for A x = b; returns {|r|², sum x, x[0]} (x[0] is 0 when n = 0). */
  @Jit
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
    return new double[] {rr, sum, n > 0 ? x[0] : 0};
  }

  /** {@link #solve}, then the matrix's values scaled in place: the method writes the matrix. */
  @Jit
  public static double[] solveThenScale(int[] rowPtr, int[] colIdx, double[] values, double[] b, int iterations) {
    int n = b.length;
    double[] p = new double[n];
    double[] ap = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = b[i];
    }
    double total = 0;
    for (int it = 0; it < iterations; it++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
          s += values[k] * p[colIdx[k]];
        }
        ap[i] = s;
      }
      double t = 0;
      for (int i = 0; i < n; i++) {
        t += ap[i];
        p[i] = ap[i] * 0.25;
      }
      total += t;
    }
    for (int k = 0; k < values.length; k++) {
      values[k] = values[k] * 2;
    }
    return new double[] {total};
  }
}

package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Conjugate gradients on a CSR matrix held in fields: a plain-Java iteration calling {@code @Jit}
 * sparse products, dot products and vector updates, as an iterative solver is written.
 */
public final class CsrConjugateGradient implements EffectsProgram {

  private int[] rowPtr;
  private int[] colIdx;
  private double[] values;

  // target: parallel (halo): CSR row loop, x[colIdx[k]] an indirect read, nonzeros split with the rows
  @Jit
  void multiply(double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      double s = 0;
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        s += values[k] * x[colIdx[k]];
      }
      y[i] = s;
    }
  }

  @Jit
  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Jit
  static void axpy(double alpha, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += alpha * x[i];
    }
  }

  @Jit
  static void xpby(double[] x, double beta, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i] + beta * y[i];
    }
  }

  /** A fixed number of CG iterations from x = 0; returns the squared residual norms. */
  double[] solve(double[] b, double[] x, int iterations) {
    int n = b.length;
    double[] r = b.clone();
    double[] p = b.clone();
    double[] ap = new double[n];
    double rr = dot(r, r);
    double[] history = new double[iterations];
    for (int it = 0; it < iterations && rr > 0; it++) {
      multiply(p, ap);
      double alpha = rr / dot(p, ap);
      axpy(alpha, p, x);
      axpy(-alpha, ap, r);
      double next = dot(r, r);
      xpby(r, next / rr, p);
      rr = next;
      history[it] = rr;
    }
    return history;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    CorpusData.Coo m = CorpusData.laplacian(n);
    rowPtr = m.rowPtr();
    colIdx = m.cols();
    values = m.vals();
    double[] b = Data.doubles(n, 50);
    double[] x = new double[n];
    s.put("history", solve(b, x, 3));
    s.put("x", x);
    s.put("b", b);
    s.put("values", values);
  }
}

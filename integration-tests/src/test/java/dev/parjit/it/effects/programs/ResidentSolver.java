package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A conjugate-gradient-shaped loop in plain Java calling kernels again and again on the same
 * vectors (large enough at n = 100 for the spawn driver to keep them on the workers): a product
 * that needs its input whole, dot products (one of an array with itself), and updates written block
 * by block. Between calls plain Java changes {@code r} once, and an aliased call ({@code xpby(r,
 * 0.5, r)}, run on the driver) changes it again: both changes must reach the next call. The scalars are
 * fixed and the data small multiples of 1/4, so every value is exact whatever order ranks add in.
 */
public final class ResidentSolver implements EffectsProgram {

  /** How many vector elements per unit of the suite's size: 100 makes 10,000 doubles, kept resident. */
  public static final int SCALE = 100;

  public static final int ITERATIONS = 4;

  /** y = 2 x - x[left] / 2 - x[right] / 4: reads x through index arrays, so x is needed whole. */
  @Jit
  static void multiply(int[] left, int[] right, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] = 2 * x[i] - 0.5 * x[left[i]] - 0.25 * x[right[i]];
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

  /** y += alpha x. */
  @Jit
  static void axpy(double alpha, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += alpha * x[i];
    }
  }

  /** y = x + beta y. */
  @Jit
  static void xpby(double[] x, double beta, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i] + beta * y[i];
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int len = SCALE * n;
    int[] left = new int[len];
    int[] right = new int[len];
    double[] r = new double[len];
    for (int i = 0; i < len; i++) {
      left[i] = (i + len - 1) % len;
      right[i] = (int) ((i * 7L + 3) % len);
      r[i] = (i % 5) * 0.25;
    }
    double[] x = new double[len];
    double[] p = r.clone();
    double[] ap = new double[len];
    s.put("rr", dot(r, r));
    for (int it = 0; it < ITERATIONS; it++) {
      multiply(left, right, p, ap);
      s.put("pap" + it, dot(p, ap));
      axpy(0.5, p, x);
      axpy(-0.25, ap, r);
      if (it == 1 && len > 0) {
        r[len / 3] += 1; // plain Java, between calls
      }
      if (it == 2) {
        xpby(r, 0.5, r); // aliased: the spawn driver runs it
      }
      double next = dot(r, r);
      s.put("rr" + it, next);
      xpby(r, 0.5, p);
    }
    s.put("x", x);
    s.put("r", r);
    s.put("p", p);
    s.put("ap", ap);
  }
}

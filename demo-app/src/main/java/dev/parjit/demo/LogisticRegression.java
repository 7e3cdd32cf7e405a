package dev.parjit.demo;

import dev.parjit.Jit;

/** Logistic regression trained by batch gradient descent; each gradient is one {@code @Jit} call. */
public final class LogisticRegression {

  private LogisticRegression() { }

  /** The gradient of the log-loss at weights {@code (w0, w1, w2)}: three scalar reductions. */
  @Jit
  static double[] gradient(double[] x1, double[] x2, double[] label, double w0, double w1, double w2) {
    double g0 = 0;
    double g1 = 0;
    double g2 = 0;
    for (int i = 0; i < label.length; i++) {
      double z = w0 + w1 * x1[i] + w2 * x2[i];
      double p = 1 / (1 + Math.exp(-z));
      double e = p - label[i];
      g0 += e;
      g1 += e * x1[i];
      g2 += e * x2[i];
    }
    return new double[] {g0, g1, g2};
  }

  /** Trains on a separable synthetic set and prints the weights and the training accuracy. */
  static void run(int n, int steps) {
    double[] x1 = new double[n];
    double[] x2 = new double[n];
    double[] label = new double[n];
    for (int i = 0; i < n; i++) {
      x1[i] = Math.sin(i * 0.013) * 4;
      x2[i] = Math.cos(i * 0.007) * 4;
      label[i] = 1.5 * x1[i] - x2[i] + 0.5 > 0 ? 1 : 0;
    }
    double w0 = 0;
    double w1 = 0;
    double w2 = 0;
    double rate = 0.5 / n;
    long t0 = System.nanoTime();
    for (int s = 0; s < steps; s++) {
      double[] g = gradient(x1, x2, label, w0, w1, w2);
      w0 -= rate * g[0];
      w1 -= rate * g[1];
      w2 -= rate * g[2];
    }
    int correct = 0;
    for (int i = 0; i < n; i++) {
      double p = 1 / (1 + Math.exp(-(w0 + w1 * x1[i] + w2 * x2[i])));
      correct += (p > 0.5) == (label[i] > 0.5) ? 1 : 0;
    }
    System.out.printf("logistic regression, %,d rows, %d steps (%.0f ms): w = (%.3f, %.3f, %.3f), accuracy %.1f%%%n",
        n, steps, (System.nanoTime() - t0) / 1e6, w0, w1, w2, 100.0 * correct / n);
  }
}

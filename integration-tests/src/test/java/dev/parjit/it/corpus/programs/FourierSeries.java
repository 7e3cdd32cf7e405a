package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Fourier coefficients of f(x) = (x + 1)^x on [0, 2] by trapezoid integration per index, as the
 * classic series benchmark computes them: an instance method over fields, a private integrand.
 */
public final class FourierSeries implements EffectsProgram {

  private int terms;
  private int intervals = 100;
  private double[][] coefficients;

  private double integrand(double x, double omegaN, int select) {
    double f = Math.pow(x + 1, x);
    return select == 0 ? f : select == 1 ? f * Math.cos(omegaN * x) : f * Math.sin(omegaN * x);
  }

  private double trapezoid(double omegaN, int select) {
    double x0 = 0;
    double x1 = 2;
    double dx = (x1 - x0) / intervals;
    double sum = (integrand(x0, omegaN, select) + integrand(x1, omegaN, select)) / 2;
    double x = x0 + dx;
    for (int k = 1; k < intervals; k++) {
      sum += integrand(x, omegaN, select);
      x += dx;
    }
    return sum * dx;
  }

  // target: parallel (rows2d): coefficients[0][i], coefficients[1][i] are rows of a field written at the index
  @Jit
  void compute() {
    double omega = Math.PI;
    for (int i = 1; i < terms; i++) {
      coefficients[0][i] = trapezoid(omega * i, 1);
      coefficients[1][i] = trapezoid(omega * i, 2);
    }
    if (terms > 0) {
      coefficients[0][0] = trapezoid(0, 0) / 2;
    }
  }

  @Jit
  double[] cosineTerms() {
    double[] out = new double[terms];
    for (int i = 0; i < terms; i++) {
      out[i] = trapezoid(Math.PI * i, 1);
    }
    return out;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    terms = n;
    coefficients = new double[2][n];
    compute();
    s.put("coefficients", coefficients);
    s.put("cosineTerms", cosineTerms());
    s.put("terms", terms);
  }
}

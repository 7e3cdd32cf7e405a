package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Horner evaluation of a polynomial held in a field at every point, into a caller's array. */
public final class Polynomials implements EffectsProgram {

  private final double[] coefficients = {1, -0.5, 0.25, 0.125, -0.0625};

  @Jit
  void evaluate(double[] xs, double[] out) {
    for (int i = 0; i < xs.length; i++) {
      double acc = 0;
      for (int k = coefficients.length - 1; k >= 0; k--) {
        acc = acc * xs[i] + coefficients[k];
      }
      out[i] = acc;
    }
  }

  @Jit
  double sumOfValues(double[] xs) {
    double s = 0;
    for (int i = 0; i < xs.length; i++) {
      double acc = 0;
      for (int k = coefficients.length - 1; k >= 0; k--) {
        acc = acc * xs[i] + coefficients[k];
      }
      s += acc;
    }
    return s;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] xs = Data.doubles(n, 92);
    for (int i = 0; i < n; i++) {
      xs[i] /= 16;
    }
    double[] out = Data.filled(n, -1);
    evaluate(xs, out);
    s.put("out", out);
    s.put("sumOfValues", sumOfValues(xs));
    s.put("xs", xs);
  }
}

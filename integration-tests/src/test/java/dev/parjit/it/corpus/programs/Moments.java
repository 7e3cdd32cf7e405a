package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Mean and central moments: a {@code final} local bound, two passes, a helper on {@code this}. */
public final class Moments implements EffectsProgram {

  private double[] samples;

  private double mean() {
    double s = 0;
    for (double v : samples) {
      s += v;
    }
    return samples.length == 0 ? 0 : s / samples.length;
  }

  @Jit
  double[] centralMoments() {
    final int n = samples.length;
    double mu = 0;
    for (int i = 0; i < n; i++) {
      mu += samples[i];
    }
    mu = n == 0 ? 0 : mu / n;
    double m2 = 0;
    double m4 = 0;
    for (int i = 0; i < n; i++) {
      double d = samples[i] - mu;
      m2 += d * d;
      m4 += d * d * d * d;
    }
    return new double[] {mu, m2, m4};
  }

  @Jit
  int countAboveMean() {
    double mu = mean();
    int c = 0;
    for (int i = 0; i < samples.length; i++) {
      if (samples[i] > mu) {
        c++;
      }
    }
    return c;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    samples = Data.doubles(n, 7);
    s.put("centralMoments", centralMoments());
    s.put("countAboveMean", countAboveMean());
    s.put("samples", samples);
  }
}

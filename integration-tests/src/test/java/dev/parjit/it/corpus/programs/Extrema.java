package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Largest and smallest values with {@code Math.max}/{@code Math.min} over data holding a NaN in one
 * place and zeros of both signs: the sequential loop answers NaN when any element is NaN, and tells
 * {@code -0.0} from {@code 0.0}. A combine by comparison (MPI's MAX) would drop the NaN of the one
 * rank that holds it.
 */
public final class Extrema implements EffectsProgram {

  @Jit
  static double largest(double[] a) {
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, a[i]);
    }
    return m;
  }

  @Jit
  static double smallest(double[] a) {
    double m = Double.POSITIVE_INFINITY;
    for (int i = 0; i < a.length; i++) {
      m = Math.min(m, a[i]);
    }
    return m;
  }

  @Jit
  static float largestFloat(float[] a) {
    float m = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, a[i]);
    }
    return m;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] withNaN = Data.doubles(n, 3);
    if (n > 0) {
      withNaN[n - 1] = Double.NaN; // on the last rank only
    }
    s.put("largestNaN", largest(withNaN));
    s.put("smallestNaN", smallest(withNaN));
    double[] zeros = new double[n];
    for (int i = 0; i < n; i++) {
      zeros[i] = i % 3 == 1 ? 0.0 : -0.0;
    }
    s.put("largestZero", largest(zeros));
    s.put("smallestZero", smallest(zeros));
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) Data.doubles(n, 5)[i];
    }
    if (n > 1) {
      f[0] = Float.NaN; // on rank 0 only
    }
    s.put("largestFloat", largestFloat(f));
    // the caller's arrays, which the kernels only read
    s.put("withNaN", withNaN);
    s.put("zeros", zeros);
    s.put("f", f);
  }
}

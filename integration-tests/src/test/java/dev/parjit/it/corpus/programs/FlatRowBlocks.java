package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Rows held in 1-D arrays and accessed at {@code k * i + c}: blocks of 3 at constant offsets from a
 * local base with a tail past the last whole block, pairs stepping by 2 from one array into another
 * (also called with one array as both), rows of a width passed as an argument with a column loop,
 * returning the argument. {@code n} rows, so fewer rows than ranks at the small sizes.
 */
public final class FlatRowBlocks implements EffectsProgram {

  // blocks of 3 in place; the a.length % 3 elements after the last block stay as they are
  @Jit
  static void mixTriples(long[] a) {
    int rows = a.length / 3;
    for (int r = 0; r < rows; r++) {
      int base = 3 * r;
      long x = a[base];
      long y = a[base + 1];
      long z = a[base + 2];
      a[base] = x + y * z;
      a[base + 1] = y - x;
      a[base + 2] = z ^ x;
    }
  }

  // pairs src[i], src[i + 1] into dst[i], dst[i + 1], i += 2; an odd last element of dst stays
  @Jit
  static void rotatePairs(double[] src, double[] dst) {
    for (int i = 0; i + 1 < src.length; i += 2) {
      double a = src[i];
      double b = src[i + 1];
      dst[i] = b * 0.5;
      dst[i + 1] = a + b;
    }
  }

  // rows of k with a column loop, scaled by their sum; the argument comes back
  @Jit
  static float[] normalizeRows(float[] m, int rows, int k) {
    for (int i = 0; i < rows; i++) {
      float sum = 1f;
      for (int j = 0; j < k; j++) {
        sum += Math.abs(m[i * k + j]);
      }
      for (int j = 0; j < k; j++) {
        m[i * k + j] /= sum;
      }
    }
    return m;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int[] seed = Data.ints(3 * n + 2, 120);
    long[] triples = new long[3 * n + n % 3];
    for (int i = 0; i < triples.length; i++) {
      triples[i] = seed[i] * 7919L - 3;
    }
    mixTriples(triples);
    s.put("triples", triples);
    double[] src = Data.doubles(2 * n + n % 2, 121);
    double[] dst = Data.doubles(src.length, 122);
    rotatePairs(src, dst);
    s.put("src", src);
    s.put("dst", dst);
    double[] both = Data.doubles(2 * n + 1, 123);
    rotatePairs(both, both);
    s.put("both", both);
    int k = n % 4 + 2;
    double[] values = Data.doubles(n * k + 1, 124);
    float[] m = new float[values.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) (values[i] - 0.5);
    }
    float[] back = normalizeRows(m, n, k);
    s.put("sameObject", back == m);
    s.put("m", m);
  }
}

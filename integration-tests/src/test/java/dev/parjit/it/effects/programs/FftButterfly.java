package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * An iterative in-place radix-2 FFT: bit-reversal swaps and butterfly passes at strides that grow,
 * so no loop index is a plain first index: nothing parallel, and both arrays written in place.
 */
public final class FftButterfly implements EffectsProgram {

  @Jit
  static void fft(double[] re, double[] im) {
    int m = re.length;
    for (int i = 1, j = 0; i < m; i++) {
      int bit = m >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    for (int len = 2; len <= m; len <<= 1) {
      double angle = -2 * Math.PI / len;
      for (int start = 0; start < m; start += len) {
        for (int k = 0; k < len / 2; k++) {
          // StrictMath: the twiddles are bit-identical in every JVM and mode.
          double wr = StrictMath.cos(angle * k);
          double wi = StrictMath.sin(angle * k);
          int p = start + k;
          int q = p + len / 2;
          double xr = re[q] * wr - im[q] * wi;
          double xi = re[q] * wi + im[q] * wr;
          re[q] = re[p] - xr;
          im[q] = im[p] - xi;
          re[p] += xr;
          im[p] += xi;
        }
      }
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int m = Integer.highestOneBit(n);
    double[] re = Data.doubles(m, 13);
    double[] im = Data.doubles(m, 14);
    fft(re, im);
    s.put("re", re);
    s.put("im", im);
  }
}

package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Parameters written at exactly the loop's index by iterations that each run a loop of transcendental
 * Math calls (costly enough to share). In SPMD mode every rank holds them whole: each rank runs its
 * part of the range and the parts are shared after the loop, so every rank's copies must end as the
 * sequential run leaves them: with narrow element types, a step of 3, a range from 1 through
 * {@code <=}, a failure on a rank with ranks after it (their parts restored), a read of another
 * parameter at neighbouring indices (run whole on rank 0 when it is the written one), and a scalar
 * sum beside the writes, the range passing the array's end.
 */
public final class ReplicatedBlocks implements EffectsProgram {

  @Jit
  static void narrow(float[] f, short[] s, char[] c) {
    for (int i = 1; i <= f.length - 1; i++) {
      double t = 0;
      for (int k = 0; k < 3; k++) {
        t += Math.sin(i + k);
      }
      f[i] = (float) (f[i] * 0.5f + t);
      s[i] = (short) (s[i] - 3 * i + (int) (10 * t));
      c[i] = (char) ('a' + i % 26);
    }
  }

  @Jit
  static void everyThird(double[] a) {
    for (int i = 0; i < a.length; i += 3) {
      double t = a[i];
      for (int k = 1; k <= 2; k++) {
        t = t + Math.exp(-k * t * t);
      }
      a[i] = -t;
    }
  }

  @Jit
  static void smoothUntilNaN(double[] src, double[] dst) {
    for (int i = 1; i < dst.length - 1; i++) {
      double v = (src[i - 1] + src[i] + src[i + 1]) / 3;
      for (int k = 0; k < 2; k++) {
        v = v + Math.sin(v) * 1e-3;
      }
      if (v != v) {
        throw new IllegalStateException("NaN at " + i);
      }
      dst[i] = v;
    }
  }

  @Jit
  static double sumAndRenumber(long[] a, int through) {
    double s = 0;
    for (int i = 0; i < through; i++) {
      s += a[i];
      double w = 0;
      for (int k = 0; k < 2; k++) {
        w += Math.log1p(k + i);
      }
      a[i] = 5L * i + (long) w;
    }
    return s;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    float[] f = new float[n];
    short[] sh = new short[n];
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      f[i] = i * 1.25f;
      sh[i] = (short) (7 * i);
      c[i] = '#';
    }
    narrow(f, sh, c);
    s.put("f", f);
    s.put("s", java.util.Arrays.toString(sh));
    s.put("c", new String(c));
    double[] a = Data.doubles(n, 71);
    everyThird(a);
    s.put("everyThird", a);
    double[] src = Data.doubles(n, 72);
    double[] dst = Data.filled(n, -1);
    smoothUntilNaN(src, dst);
    s.put("smoothed", dst);
    double[] self = Data.doubles(n, 73);
    smoothUntilNaN(self, self);
    s.put("smoothedInPlace", self);
    if (n > 2) {
      src[2 * n / 3] = Double.NaN;
      self[2 * n / 3] = Double.NaN;
    }
    try {
      smoothUntilNaN(src, dst);
      s.put("second", "no exception");
    } catch (IllegalStateException e) {
      s.put("second", e.getMessage());
    }
    s.put("smoothedAgain", dst);
    try {
      smoothUntilNaN(self, self);
      s.put("secondInPlace", "no exception");
    } catch (IllegalStateException e) {
      s.put("secondInPlace", e.getMessage());
    }
    s.put("smoothedInPlaceAgain", self);
    long[] l = new long[n];
    for (int i = 0; i < n; i++) {
      l[i] = 3L * i + 1;
    }
    s.put("sum", sumAndRenumber(l, n));
    s.put("renumbered", l);
    for (int i = 0; i < n; i++) {
      l[i] = -i;
    }
    try {
      sumAndRenumber(l, n + 1);
      s.noException();
    } catch (ArrayIndexOutOfBoundsException e) {
      s.thrown(e);
    }
    s.put("renumberedPastTheEnd", l);
  }
}

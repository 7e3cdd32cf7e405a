package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Single elements of arrays the method distributes, read outside its parallel loops: the middle
 * point after a Jacobi time loop, a probe read once per time step, the last element of arrays of
 * every primitive type. The arrays stay split and the rank holding each element shares it; at
 * size 0 the reads throw the sequential ArrayIndexOutOfBoundsException.
 */
public final class ElementReads implements EffectsProgram {

  @Jit
  static double[] middleAfterSteps(double[] initial, int steps) {
    int n = initial.length;
    double[] u = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = initial[i];
      v[i] = initial[i];
    }
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < n - 1; i++) {
        v[i] = (u[i - 1] + u[i] + u[i + 1]) * (1.0 / 3);
      }
      double[] swap = u;
      u = v;
      v = swap;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += u[i];
    }
    return new double[] {sum, u[n / 2], u[n - 1]};
  }

  @Jit
  static double probeEachStep(int n, int steps) {
    int[] a = new int[n];
    double probe = 0;
    for (int t = 0; t < steps; t++) {
      for (int i = 0; i < n; i++) {
        a[i] = i * t - 3;
      }
      probe += a[n - 1];
    }
    return probe;
  }

  @Jit
  static long lastOfEach(int n) {
    int[] ints = new int[n];
    long[] longs = new long[n];
    float[] floats = new float[n];
    short[] shorts = new short[n];
    char[] chars = new char[n];
    byte[] bytes = new byte[n];
    boolean[] flags = new boolean[n];
    for (int i = 0; i < n; i++) {
      ints[i] = i * 7 - 50;
      longs[i] = -1L << (i % 60);
      floats[i] = i * -0.75f;
      shorts[i] = (short) (i * 1000);
      chars[i] = (char) ('a' + i % 26);
      bytes[i] = (byte) (i * 37);
      flags[i] = i % 3 == 0;
    }
    int last = n - 1;
    return ints[last] + longs[last] + (long) (floats[last] * 4) + shorts[last] + chars[last] + bytes[last]
        + (flags[last] ? 1000 : 0) + ints[0];
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] initial = Data.doubles(n, 41);
    s.put("middle", outcome(() -> middleAfterSteps(initial, 5)));
    s.put("initial", initial);
    s.put("probe", outcome(() -> probeEachStep(n, 4)));
    s.put("probeNoSteps", outcome(() -> probeEachStep(n, 0)));
    s.put("last", outcome(() -> lastOfEach(n)));
  }

  /** The call's value, or the exception it threw (type and message): each call is compared on its own. */
  private static Object outcome(java.util.concurrent.Callable<Object> call) {
    try {
      return call.call();
    } catch (Exception e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}

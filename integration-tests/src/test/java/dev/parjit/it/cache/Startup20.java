package dev.parjit.it.cache;

import dev.parjit.Jit;
import java.lang.management.ManagementFactory;

/**
 * A program with 20 {@code @Jit} methods for the compile cache benchmark ({@link CacheStartupBench}):
 * prints {@code FIRST <ms>}, the milliseconds from JVM start to the first result, then runs the
 * other methods and prints {@code ALL <ms>}.
 */
public final class Startup20 {

  private Startup20() { }

  @Jit
  public static double sumOfHalves(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 0.5;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[i];
    }
    return s;
  }

  @Jit
  public static double sumOfCubes(int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      double v = i * 1e-3;
      s += v * v * v;
    }
    return s;
  }

  @Jit
  public static long countEven(int n) {
    long c = 0;
    for (int i = 0; i < n; i++) {
      if ((i & 1) == 0) {
        c++;
      }
    }
    return c;
  }

  @Jit
  public static double maxOfSine(int n) {
    double m = -2;
    for (int i = 0; i < n; i++) {
      m = Math.max(m, Math.sin(i * 0.001));
    }
    return m;
  }

  @Jit
  public static double minOfCosine(int n) {
    double m = 2;
    for (int i = 0; i < n; i++) {
      m = Math.min(m, Math.cos(i * 0.002));
    }
    return m;
  }

  @Jit
  public static long xorOfIndices(int n) {
    long x = 0;
    for (int i = 0; i < n; i++) {
      x ^= (long) i * 2654435761L;
    }
    return x;
  }

  @Jit
  public static long orOfBits(int n) {
    long b = 0;
    for (int i = 0; i < n; i++) {
      b |= 1L << (i % 61);
    }
    return b;
  }

  @Jit
  public static double mapSquare(int n) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = (double) i * i;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += y[i] / n;
    }
    return s;
  }

  @Jit
  public static double affineSum(int n) {
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i % 17;
      y[i] = 2.5 * x[i] + 1;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += y[i];
    }
    return s;
  }

  @Jit
  public static double harmonic(int n) {
    double s = 0;
    for (int i = 1; i <= n; i++) {
      s += 1.0 / i;
    }
    return s;
  }

  @Jit
  public static double alternating(int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (i % 2 == 0 ? 1.0 : -1.0) / (2 * i + 1);
    }
    return 4 * s;
  }

  @Jit
  public static long longSquares(int n) {
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = (long) i * i % 1000;
    }
    long s = 0;
    for (int i = 0; i < n; i++) {
      s += a[i];
    }
    return s;
  }

  @Jit
  public static long intMix(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = (i * 31 + 7) % 101;
    }
    long s = 0;
    for (int i = 0; i < n; i++) {
      s += a[i];
    }
    return s;
  }

  @Jit
  public static double floatSum(int n) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (i % 100) * 0.25f;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += f[i];
    }
    return s;
  }

  @Jit
  public static long stridedSum(int n) {
    long s = 0;
    for (int i = 0; i < n; i += 3) {
      s += i % 11;
    }
    return s;
  }

  @Jit
  public static double productOfNearOnes(int n) {
    double p = 1;
    for (int i = 0; i < n; i++) {
      p *= 1 + 1e-9 * (i % 5);
    }
    return p;
  }

  @Jit
  public static long countInCircle(int n) {
    long c = 0;
    for (int i = 0; i < n; i++) {
      double x = (i % 1000) / 1000.0;
      double y = (i / 1000 % 1000) / 1000.0;
      if (x * x + y * y <= 1) {
        c++;
      }
    }
    return c;
  }

  @Jit
  public static double meanAbs(int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = Math.abs(Math.sin(i));
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += d[i];
    }
    return s / n;
  }

  @Jit
  public static long andOfMasks(int n) {
    long m = -1L;
    for (int i = 0; i < n; i++) {
      m &= ~(1L << (i % 7));
    }
    return m;
  }

  @Jit
  public static double nestedSum(int n) {
    double s = 0;
    for (int i = 0; i < n / 1000; i++) {
      for (int j = 0; j < 1000; j++) {
        s += (i + j) % 13;
      }
    }
    return s;
  }

  private static long sinceStart() {
    return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
  }

  public static void main(String[] args) {
    int n = 100_000;
    double first = sumOfHalves(n);
    System.out.println("FIRST " + sinceStart() + " " + first);
    double sink = 0;
    sink += sumOfCubes(n);
    sink += countEven(n);
    sink += maxOfSine(n);
    sink += minOfCosine(n);
    sink += xorOfIndices(n);
    sink += orOfBits(n);
    sink += mapSquare(n);
    sink += affineSum(n);
    sink += harmonic(n);
    sink += alternating(n);
    sink += longSquares(n);
    sink += intMix(n);
    sink += floatSum(n);
    sink += stridedSum(n);
    sink += productOfNearOnes(n);
    sink += countInCircle(n);
    sink += meanAbs(n);
    sink += andOfMasks(n);
    sink += nestedSum(n);
    System.out.println("ALL " + sinceStart() + " " + sink);
  }
}

package dev.parjit.it.cache;

import dev.parjit.Jit;

/**
 * Without the {@code cache} agent option only classes with a {@code @Jit(cache = true)} method use
 * the cache: {@link OptedIn} does, {@link NotOptedIn} does not.
 */
public final class OptInMain {

  private OptInMain() { }

  /** Cached. */
  public static final class OptedIn {
    private OptedIn() { }

    @Jit(cache = true)
    public static double mean(int n) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = i;
      }
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += x[i];
      }
      return s / n;
    }
  }

  /** Compiled every run. */
  public static final class NotOptedIn {
    private NotOptedIn() { }

    @Jit
    public static long sum(int n) {
      long s = 0;
      for (int i = 0; i < n; i++) {
        s += i;
      }
      return s;
    }
  }

  public static void main(String[] args) {
    System.out.println("RESULT mean " + OptedIn.mean(1000));
    System.out.println("RESULT sum " + NotOptedIn.sum(1000));
    System.out.println("DRIVER_STATS " + CacheStatsProbe.read());
  }
}

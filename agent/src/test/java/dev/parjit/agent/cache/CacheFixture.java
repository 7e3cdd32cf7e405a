package dev.parjit.agent.cache;

import dev.parjit.Jit;

/** A class with {@code @Jit} methods for the cache tests, read as bytes; one opts in to the cache. */
final class CacheFixture {

  private CacheFixture() { }

  @Jit(cache = true)
  static double sumOfHalves(int n) {
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
  static long count(int n) {
    long c = 0;
    for (int i = 0; i < n; i++) {
      c += i % 3 == 0 ? 1 : 0;
    }
    return c;
  }

  /** Not compiled without the agent option: {@code @Jit} without {@code cache}. */
  static final class NotOptedIn {
    private NotOptedIn() { }

    @Jit
    static double twice(double v) {
      return 2 * v;
    }
  }
}

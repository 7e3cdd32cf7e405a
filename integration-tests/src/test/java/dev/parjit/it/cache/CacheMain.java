package dev.parjit.it.cache;

import dev.parjit.Jit;
import dev.parjit.Parjit;

/**
 * Several {@code @Jit} methods, run with the compile cache: prints {@code RESULT} lines, this
 * JVM's compile counters ({@code DRIVER_STATS}), and the workers' ({@code WORKER_STATS}, printed and
 * saved on every rank, returned from rank 0).
 */
public final class CacheMain {

  private CacheMain() { }

  @Jit
  public static double sumOfSquares(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 0.5;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[i] * x[i];
    }
    return s;
  }

  @Jit
  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Jit
  public static long countMultiples(int n, int k) {
    long c = 0;
    for (int i = 0; i < n; i++) {
      if (i % k == 0) {
        c++;
      }
    }
    return c;
  }

  @Jit
  public static double[] scaled(double[] a, double f) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] * f;
    }
    return out;
  }

  /** Nothing parallel: its warning must be printed on warm runs too. */
  @Jit
  public static int firstAbove(int n, int limit) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i * 7 % 23;
    }
    for (int i = 0; i < n; i++) {
      if (a[i] > limit) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Each worker's compile counters, as {@code Parjit.stats()} reports them, in the form of
   * {@code CompileCache.stats()}; saved per rank (see {@link CacheStatsProbe#save}). Returns rank 0's.
   */
  public static String workerStats() {
    java.util.Map<String, Long> all = Parjit.stats();
    String first = null;
    for (int r = 0; all.containsKey("worker" + r + "CacheAnalyses"); r++) {
      String stats = "analyses=" + all.get("worker" + r + "CacheAnalyses") + " hits=" + all.get("worker" + r + "CacheHits")
          + " misses=" + all.get("worker" + r + "CacheMisses") + " stores=" + all.get("worker" + r + "CacheStores")
          + " rejected=" + all.get("worker" + r + "CacheRejected");
      CacheStatsProbe.save(r, stats);
      first = first == null ? stats : first;
    }
    return first;
  }

  /** The results as {@code RESULT name size value}, computed by whatever runs the methods. */
  public static java.util.List<String> results() {
    double[] a = new double[1001];
    double[] b = new double[1001];
    for (int i = 0; i < a.length; i++) {
      a[i] = i % 10;
      b[i] = 1.0 / (1 + i);
    }
    double[] s = scaled(a, 2.5);
    double total = 0;
    for (double v : s) {
      total += v;
    }
    return java.util.List.of(
        "RESULT sumOfSquares 100000 " + sumOfSquares(100_000),
        "RESULT dot 1001 " + dot(a, b),
        "RESULT countMultiples 1000000 " + countMultiples(1_000_000, 7),
        "RESULT scaled " + s.length + " " + total,
        "RESULT firstAbove 100 " + firstAbove(100, 20));
  }

  public static void main(String[] args) {
    results().forEach(System.out::println);
    System.out.println("WORKER_STATS_RANK0 " + workerStats());
    System.out.println("DRIVER_STATS " + CacheStatsProbe.read());
    // One more call after the workers printed, so their lines reach the driver before it exits.
    System.out.println("RESULT again 1000 " + countMultiples(1000, 3));
  }
}

package dev.parjit.demo.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The machine's memory bandwidth as plain Java sees it, the yardstick for memory-bound workloads
 * (the Parquet mean streams its columns from the page cache): each of 1 and then 2 threads sums its own
 * array far larger than the caches (read bandwidth), then copies it into another
 * ({@code System.arraycopy}: read and write, counted as twice the array). Prints the median and the
 * best of {@code rounds} rounds in GB/s (10^9 bytes). Run it without the agent:
 * {@code java -cp demo-app/target/classes dev.parjit.demo.bench.MemoryBandwidthBench [MiB per thread] [rounds]}.
 */
public final class MemoryBandwidthBench {

  private MemoryBandwidthBench() { }

  public static void main(String[] args) throws Exception {
    int mib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int n = mib * (1 << 20) / Double.BYTES;
    double[][] src = new double[2][n];
    double[][] dst = new double[2][n];
    for (double[] a : src) {
      for (int i = 0; i < n; i++) {
        a[i] = i & 1023;
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int threads = 1; threads <= 2; threads++) {
        double[] sum = new double[rounds];
        double[] copy = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          sum[r] = gbPerSecond(pool, threads, (long) n * Double.BYTES, t -> sumOf(src[t]));
          copy[r] = gbPerSecond(pool, threads, 2L * n * Double.BYTES, t -> {
            System.arraycopy(src[t], 0, dst[t], 0, n);
            return dst[t][n - 1];
          });
        }
        System.out.printf("%d thread(s), %d MiB each: sum %s GB/s, copy (read + write) %s GB/s%n", threads, mib,
            summary(sum), summary(copy));
      }
    } finally {
      pool.shutdown();
    }
  }

  private interface PerThread {
    double run(int thread);
  }

  /** Bytes every thread moves, over the wall time until the last thread is done. */
  private static double gbPerSecond(ExecutorService pool, int threads, long bytesEach, PerThread work) throws Exception {
    List<Future<Double>> running = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      running.add(pool.submit(() -> work.run(thread)));
    }
    double sink = 0;
    for (Future<Double> f : running) {
      sink += f.get();
    }
    long ns = System.nanoTime() - t0;
    if (sink == -1) {
      System.out.println(); // keeps the sums alive
    }
    return (double) bytesEach * threads / ns;
  }

  private static double sumOf(double[] a) {
    // Four accumulators: one would wait on the floating add's latency, not on memory.
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < a.length; i += 4) {
      s0 += a[i];
      s1 += a[i + 1];
      s2 += a[i + 2];
      s3 += a[i + 3];
    }
    for (; i < a.length; i++) {
      s0 += a[i];
    }
    return s0 + s1 + s2 + s3;
  }

  private static String summary(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return String.format("median %.1f, best %.1f", s[s.length / 2], s[s.length - 1]);
  }
}

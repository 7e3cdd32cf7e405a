package dev.parjit.demo.bench;

import dev.parjit.Jit;
import java.util.stream.LongStream;

/** Monte Carlo π with splitmix64 per index: the @Jit kernel and its parallel-streams peer. */
public final class MonteCarlo {

  private MonteCarlo() { }

  /** splitmix64: a well-mixed 64-bit value for a counter. */
  public static long splitmix64(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static boolean inside(long i) {
    long r = splitmix64(i);
    double x = (r >>> 11) * 0x1.0p-53;
    double y = (splitmix64(r) >>> 11) * 0x1.0p-53;
    return x * x + y * y <= 1.0;
  }

  /** Parjit: a plain counted loop. */
  @Jit
  public static double pi(long n) {
    long hits = 0;
    for (long i = 0; i < n; i++) {
      if (inside(i)) {
        hits++;
      }
    }
    return 4.0 * hits / n;
  }

  /** The single-JVM peer: the same computation with Java parallel streams. */
  public static double piStreams(long n) {
    return 4.0 * LongStream.range(0, n).parallel().filter(MonteCarlo::inside).count() / n;
  }

  /**
   * The smallest shipped @Jit call: scalar in, scalar out, one parallel loop of one iteration (a
   * method with nothing parallel would run on the driver and measure no call at all).
   */
  @Jit
  public static long trivial(long x) {
    long s = x;
    for (int i = 0; i < 1; i++) {
      s += 1;
    }
    return s;
  }
}

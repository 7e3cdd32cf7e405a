package dev.parjit.demo.bench.report;

import java.util.Arrays;
import java.util.List;

/**
 * What one measured JVM reported.
 *
 * @param firstMs the first (cold) call, milliseconds: not part of the statistics
 * @param firstFromStartMs from the measured process's start to the first call's answer (what a user
 *                         waits for a cold program), milliseconds; NaN when not reported
 * @param timesMs the warm runs, milliseconds
 * @param result the answer's digest
 * @param firstFromStartCachedMs the same as {@code firstFromStartMs} for a process whose compile cache
 *                               already held the program's classes (a second run with the agent's
 *                               {@code cache} option), milliseconds; NaN when not measured
 */
public record Measurement(double firstMs, double firstFromStartMs, double[] timesMs, double[] result,
    double firstFromStartCachedMs) {

  /** Without a run with the compile cache. */
  public Measurement(double firstMs, double firstFromStartMs, double[] timesMs, double[] result) {
    this(firstMs, firstFromStartMs, timesMs, result, Double.NaN);
  }

  /** Without the time from the process's start. */
  public Measurement(double firstMs, double[] timesMs, double[] result) {
    this(firstMs, Double.NaN, timesMs, result);
  }

  /** This measurement with the time from start to the first answer of a run whose compile cache was filled. */
  public Measurement withCachedFirstFromStart(double ms) {
    return new Measurement(firstMs, firstFromStartMs, timesMs, result, ms);
  }

  /** Median of the warm runs (the mean of the two middle ones for an even count). */
  public double median() {
    return middle(sorted());
  }

  private static double middle(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Fastest warm run. */
  public double min() {
    return sorted()[0];
  }

  /** Slowest warm run. */
  public double max() {
    double[] s = sorted();
    return s[s.length - 1];
  }

  private double[] sorted() {
    if (timesMs.length == 0) {
      throw new IllegalStateException("no warm runs");
    }
    double[] s = timesMs.clone();
    Arrays.sort(s);
    return s;
  }

  /**
   * Several JVMs' measurements of one configuration as one: every warm run, the median cold call
   * (and median time from start to it, with the compile cache too), and the first one's answer.
   */
  public static Measurement pooled(List<Measurement> rounds) {
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException("no measurements to pool");
    }
    double first = middle(rounds.stream().mapToDouble(Measurement::firstMs).sorted().toArray());
    double fromStart = middle(rounds.stream().mapToDouble(Measurement::firstFromStartMs).sorted().toArray());
    double[] times = rounds.stream().flatMapToDouble(m -> Arrays.stream(m.timesMs())).toArray();
    double[] cached = rounds.stream().mapToDouble(Measurement::firstFromStartCachedMs).filter(v -> !Double.isNaN(v))
        .sorted().toArray();
    return new Measurement(first, fromStart, times, rounds.get(0).result(), cached.length == 0 ? Double.NaN : middle(cached));
  }

  /** How many times faster than {@code baseline} (baseline median / this median). */
  public double speedupOver(Measurement baseline) {
    return baseline.median() / median();
  }
}

package dev.parjit.demo.bench.report;

import java.util.Arrays;

/**
 * What one measured JVM reported.
 *
 * @param firstMs the first (cold) call, milliseconds: not part of the statistics
 * @param timesMs the warm runs, milliseconds
 * @param result the answer's digest
 */
public record Measurement(double firstMs, double[] timesMs, double[] result) {

  /** Median of the warm runs (the mean of the two middle ones for an even count). */
  public double median() {
    double[] s = sorted();
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
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

  /** How many times faster than {@code baseline} (baseline median / this median). */
  public double speedupOver(Measurement baseline) {
    return baseline.median() / median();
  }
}

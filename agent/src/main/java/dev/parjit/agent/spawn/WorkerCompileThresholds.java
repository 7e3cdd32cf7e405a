package dev.parjit.agent.spawn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JIT thresholds a spawned worker starts with for the data path: Parjit's frame library and the
 * Parquet and Arrow code it drives compile after {@code 1/workers} of the usual invocation and loop
 * counts.
 *
 * <p>Why: HotSpot compiles a method once it has been called (or has looped) some thousands of times.
 * A worker reads and groups {@code 1/p} of the rows per call, so the code that runs once per Parquet
 * page or per batch of rows (page headers, page decoders, the group-by's key maps) reaches those counts
 * after {@code p} times as many calls as in a sequential run. Measured on the 10M-row groupBy with 2
 * workers (CPU time of the compiler threads): each worker's C2 compiler still spent 17-26 ms per call
 * over calls 10-28 (compiling the page-header reader, the page decoders and the group-by loops, each
 * loop OSR first, then whole), while the sequential JVM's spent 7 ms per call and had settled by call
 * 14. On 2 cores that compile time is taken from the other worker's kernel. With these methods'
 * thresholds scaled by {@code 1/p} a worker compiles them after about the calls a sequential run
 * needs: 3-11 ms per call over calls 10-28 in most runs, 3-9 ms over calls 14-28 (7-17 without).
 *
 * <p>Only these packages: the call protocol (message codec, MPI, the worker loop) runs as often on a
 * worker as on the driver, not {@code 1/p} as often, and compiling it earlier only moves its (large,
 * recursive) compilations into calls a program times. Never below a quarter: with many workers the
 * lukewarm methods of these libraries would all be compiled at their first uses.
 * {@code CompileCommand=quiet} keeps the JVM from echoing the commands on the workers' output,
 * which the driver forwards to the user's console.
 */
final class WorkerCompileThresholds {

  /** Class-name prefixes (JVM form) of the code that runs per page or per batch of a worker's rows. */
  static final List<String> DATA_PATH = List.of("dev/parjit/frame/", "org/apache/parquet/", "shaded/parquet/",
      "org/apache/arrow/");

  /** The smallest scale: a quarter of the usual counts. */
  static final double MIN_SCALE = 0.25;

  private WorkerCompileThresholds() { }

  /** The scale for {@code workers} workers: {@code 1/workers}, at least {@link #MIN_SCALE}, 1 for one worker. */
  static double scale(int workers) {
    return Math.max(MIN_SCALE, 1.0 / Math.max(1, workers));
  }

  /** The JVM options for a worker of {@code workers}; none for a single worker (it sees every row). */
  static List<String> options(int workers) {
    double scale = scale(workers);
    List<String> out = new ArrayList<>();
    if (scale >= 1) {
      return out;
    }
    out.add("-XX:CompileCommand=quiet");
    String value = String.format(Locale.ROOT, "%.3f", scale);
    for (String prefix : DATA_PATH) {
      out.add("-XX:CompileCommand=CompileThresholdScaling," + prefix + "*.*," + value);
    }
    return out;
  }
}

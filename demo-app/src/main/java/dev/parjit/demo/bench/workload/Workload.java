package dev.parjit.demo.bench.workload;

import dev.parjit.demo.bench.Scale;
import dev.parjit.demo.bench.sql.SqlDialect;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One benchmark workload. Every engine computes the same answer, reduced to a short digest
 * (a few doubles) that the harness compares across runners.
 */
public interface Workload {

  /** Short identifier used on command lines ({@code montecarlo}, {@code groupby}, ...). */
  String id();

  /** Human-readable title with the sizes, for the report. */
  String title(Scale scale);

  /** Generates the input files under {@code dataDir} unless they are already there. */
  default void prepare(Scale scale, Path dataDir, Consumer<String> progress) { }

  /** One execution of the plain-Java kernel ({@code @Jit} methods). */
  double[] runJit(Scale scale, Path dataDir);

  /** One execution of the hand-written parallel-streams peer. */
  double[] runStreams(Scale scale, Path dataDir);

  /** The query for a SQL engine, or empty when the workload is not SQL-shaped. */
  default Optional<String> sql(SqlDialect dialect, Scale scale, Path dataDir) {
    return Optional.empty();
  }

  /**
   * Statements a SQL engine runs once, as part of the first (cold) call, before {@link #sql}: what
   * the workload keeps between calls (the points of a k-means step, cached in the engine's memory),
   * as a Parjit program keeps a lazy frame on its workers. None by default.
   */
  default List<String> sqlSetup(SqlDialect dialect, Scale scale, Path dataDir) {
    return List.of();
  }

  /** The digest of a SQL query's rows (every column numeric). */
  default double[] digestRows(List<double[]> rows) {
    throw new UnsupportedOperationException(id() + " has no SQL form");
  }

  /** Largest relative difference between two runners' digests that still counts as equal. */
  default double tolerance() {
    return 1e-9;
  }
}

package dev.parjit.frame.internal;

import dev.parjit.frame.Agg;
import dev.parjit.frame.DType;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.GroupBy;
import dev.parjit.frame.Series;
import dev.parjit.frame.kernel.ColumnBatches;
import dev.parjit.frame.kernel.ColumnStats;
import dev.parjit.frame.kernel.ColumnStatsSource;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The one door to what {@link DataFrame} and {@link Series} do for Parjit's own layers but not
 * for users: file readers' deferred frames ({@code frame.io}), the partials and row moves of the
 * distributed operations ({@code frame.dist}), spawn mode's lazy results ({@code lazy-collect}).
 * The frame classes keep these package-private, so they are not part of the public API; they hand
 * them out once, through {@link #install}, as the JDK's {@code SharedSecrets} does.
 */
public final class FrameInternals {

  /** What the frame package implements for this door; never called by users. */
  public interface Access {
    DataFrame deferred(List<String> names, List<DType> types, int rows, IntFunction<Series> loader,
        ColumnStatsSource stats, ColumnBatches batches);

    DataFrame remote(List<String> names, List<DType> types, int rows, RemoteFrame remote);

    RemoteFrame remoteSource(DataFrame df);

    boolean isLazy(DataFrame df);

    DataFrame takeRows(DataFrame df, int[] rows);

    DataFrame[] partitionByHash(DataFrame df, String[] keys, int parts);

    Map<String, ColumnStats> columnStats(DataFrame df, Agg.Kind kind);

    Series finishReduction(Agg.Kind kind, List<String> names, List<DType> dtypes, List<ColumnStats> stats);

    ColumnStats stats(Series s);

    IndexOutOfBoundsException rowOutOfRange(Series s, long row, long size);

    DataFrame partials(GroupBy groups, Agg... aggs);

    DataFrame combinePartials(DataFrame partials, String[] keys, Agg... aggs);
  }

  private static volatile Access access;

  private FrameInternals() { }

  /**
   * Called once, by {@code DataFrame}'s class initialisation. A second call fails: the frame
   * package's own implementation is always installed first, since this method initialises
   * {@code DataFrame} before it looks.
   */
  public static synchronized void install(Access a) {
    initialiseFrames();
    if (access != null) {
      throw new IllegalStateException("the frame internals are already installed");
    }
    access = a;
  }

  private static Access access() {
    Access a = access;
    if (a == null) {
      initialiseFrames();
      a = access;
    }
    return a;
  }

  private static void initialiseFrames() {
    try {
      MethodHandles.lookup().ensureInitialized(DataFrame.class);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e); // DataFrame is public: cannot happen
    }
  }

  /**
   * A frame whose columns are decoded on first use by {@code loader} (column index to its Series,
   * named and sized as declared): what file sources return, so a method decodes only the columns it
   * uses. {@code stats} (or {@code null}) gives a column's reduction statistics without decoding it
   * whole; {@code batches} (or {@code null}) streams columns batch by batch. The frame owns what the
   * loader returns.
   */
  public static DataFrame deferred(List<String> names, List<DType> types, int rows, IntFunction<Series> loader,
      ColumnStatsSource stats, ColumnBatches batches) {
    return access().deferred(names, types, rows, loader, stats, batches);
  }

  /**
   * A lazy result of spawn mode: row count and schema here, rows on the workers. {@code head} and
   * {@code tail} fetch only the rows asked for; anything that needs values collects every row once;
   * {@code close()} or unreachability frees the rows on the workers.
   */
  public static DataFrame remote(List<String> names, List<DType> types, int rows, RemoteFrame remote) {
    return access().remote(names, types, rows, remote);
  }

  /** Where {@code df}'s rows live when it is a lazy result, else {@code null}. */
  public static RemoteFrame remoteSource(DataFrame df) {
    return access().remoteSource(df);
  }

  /** Whether {@code df}'s rows live on the workers and have not all been fetched. */
  public static boolean isLazy(DataFrame df) {
    return access().isLazy(df);
  }

  /** The given rows of {@code df}, in order (-1 gives a row of nulls). */
  public static DataFrame takeRows(DataFrame df, int[] rows) {
    return access().takeRows(df, rows);
  }

  /**
   * {@code df}'s rows split into {@code parts} frames by the stable hash of the key columns (the
   * same in every JVM), each in original order: equal keys always land in the same part, which is
   * what a shuffle before a distributed groupBy or join needs.
   */
  public static DataFrame[] partitionByHash(DataFrame df, String[] keys, int parts) {
    return access().partitionByHash(df, keys, parts);
  }

  /**
   * Per-column statistics of the columns {@code reduce(kind)} would use, in column order: the
   * partial a rank contributes to a distributed reduction.
   */
  public static Map<String, ColumnStats> columnStats(DataFrame df, Agg.Kind kind) {
    return access().columnStats(df, kind);
  }

  /** The result of {@code reduce(kind)} built from (merged) column statistics, as the sequential one. */
  public static Series finishReduction(Agg.Kind kind, List<String> names, List<DType> dtypes, List<ColumnStats> stats) {
    return access().finishReduction(kind, names, dtypes, stats);
  }

  /** The mergeable partial behind every reduction of {@code s}. */
  public static ColumnStats stats(Series s) {
    return access().stats(s);
  }

  /**
   * The exception an element read of row {@code row} of {@code s} throws when {@code s} has
   * {@code size} rows (a distributed series' global size): the sequential read's own message.
   */
  public static IndexOutOfBoundsException rowOutOfRange(Series s, long row, long size) {
    return access().rowOutOfRange(s, row, size);
  }

  /**
   * Per-group partial state of {@code groups}: the key columns, then for each aggregation its
   * partial columns, one row per group present, sorted by key.
   */
  public static DataFrame partials(GroupBy groups, Agg... aggs) {
    return access().partials(groups, aggs);
  }

  /**
   * Combines concatenated {@link #partials} (of any pieces of the data, with the same keys and
   * aggregations) into the result {@code agg} gives over all the pieces' rows (floating sums up to
   * rounding).
   */
  public static DataFrame combinePartials(DataFrame partials, String[] keys, Agg... aggs) {
    return access().combinePartials(partials, keys, aggs);
  }
}

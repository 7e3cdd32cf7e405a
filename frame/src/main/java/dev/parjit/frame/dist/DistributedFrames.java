package dev.parjit.frame.dist;

import dev.parjit.frame.Agg;
import dev.parjit.frame.DType;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.GroupBy;
import dev.parjit.frame.JoinType;
import dev.parjit.frame.Series;
import dev.parjit.frame.kernel.ColumnStats;
import dev.parjit.runtime.DistributedArrays;
import java.util.List;

/**
 * What compiled {@code @Jit} code calls for frames the analysis keeps distributed: each method has
 * the descriptor of the sequential one it replaces, with the receiver first, so the rewrite only
 * changes the call's owner ({@code dev.parjit.analysis.frames.FrameCalls} lists what is redirected).
 * Every rank calls these together; values that are not distributed at run time (a replicated
 * argument) take the sequential path.
 */
public final class DistributedFrames {

  private DistributedFrames() { }

  // ---- sources: this rank's share -------------------------------------------------------------

  /** {@code DataFrame.readParquet(path)}: this rank's row groups, balanced by rows. */
  public static DataFrame readParquet(String path) {
    return DistributedSources.readParquet(path);
  }

  /** {@code DataFrame.readParquet(path, columns...)}: this rank's row groups of the named columns. */
  public static DataFrame readParquet(String path, String... columns) {
    return DistributedSources.readParquet(path, columns);
  }

  /** {@code DataFrame.readCsv(path)}: this rank's line-aligned byte range. */
  public static DataFrame readCsv(String path) {
    return DistributedSources.readCsv(path);
  }

  /** {@code df.toParquet(dir)}: one part file per rank for distributed data, one file for REP data. */
  public static void toParquet(DataFrame df, String dir) {
    if (Placements.isDistributed(df)) {
      DistributedSources.toParquet(df, dir);
    } else {
      DistributedSources.toParquetOnce(df, dir);
    }
  }

  /** {@code DataFrame.of(name, chunk)} over a 1D array chunk: the frame sits where the chunk does. */
  public static DataFrame frameOf(String name, double[] values) {
    return wrap(DataFrame.of(name, values), values);
  }

  public static DataFrame frameOf(String name, long[] values) {
    return wrap(DataFrame.of(name, values), values);
  }

  public static DataFrame frameOf(String name, int[] values) {
    return wrap(DataFrame.of(name, values), values);
  }

  public static DataFrame frameOf(String name, boolean[] values) {
    return wrap(DataFrame.of(name, values), values);
  }

  public static DataFrame frameOf(String name, String[] values) {
    return wrap(DataFrame.of(name, values), values);
  }

  public static Series seriesOf(String name, double[] values) {
    return wrap(Series.of(name, values), values);
  }

  public static Series seriesOf(String name, long[] values) {
    return wrap(Series.of(name, values), values);
  }

  public static Series seriesOf(String name, int[] values) {
    return wrap(Series.of(name, values), values);
  }

  public static Series seriesOf(String name, boolean[] values) {
    return wrap(Series.of(name, values), values);
  }

  public static Series seriesOf(String name, String[] values) {
    return wrap(Series.of(name, values), values);
  }

  private static <T> T wrap(T frame, Object chunk) {
    DistributedArrays.Chunk c = DistributedArrays.lookup(chunk);
    if (c == null) {
      return frame; // a replicated array after all: a replicated frame
    }
    return Placements.register(frame, c.globalLength(), c.start());
  }

  // ---- DataFrame --------------------------------------------------------------------------------

  public static int numRows(DataFrame df) {
    return Placements.isDistributed(df) ? (int) Placements.globalRows(df) : df.numRows();
  }

  public static int numColumns(DataFrame df) {
    return df.numColumns();
  }

  public static List<String> columns(DataFrame df) {
    return df.columns();
  }

  public static boolean hasColumn(DataFrame df, String name) {
    return df.hasColumn(name);
  }

  public static DType dtype(DataFrame df, String name) {
    return df.dtype(name);
  }

  public static Series column(DataFrame df, String name) {
    return same(df, df.column(name));
  }

  public static DataFrame select(DataFrame df, String... names) {
    return same(df, df.select(names));
  }

  public static DataFrame drop(DataFrame df, String... names) {
    return same(df, df.drop(names));
  }

  public static DataFrame withColumn(DataFrame df, String name, Series s) {
    DataFrame base = like(df, s);
    return same(base, combine(base, s, (f, c) -> f.withColumn(name, c)));
  }

  public static DataFrame filter(DataFrame df, Series mask) {
    return combine(like(df, mask), mask, (f, m) -> Placements.isDistributed(f) ? DistributedRows.filter(f, m) : f.filter(m));
  }

  /** A replicated frame cut to the rows of a distributed series, so the two line up. */
  private static DataFrame like(DataFrame df, Series s) {
    DistributedArrays.Chunk c = DistributedArrays.lookup(s);
    if (c == null || Placements.isDistributed(df)) {
      return df;
    }
    if (df.numRows() != c.globalLength()) {
      return df; // the operation fails, with the sequential message (see combine)
    }
    return Placements.register(df.slice((int) c.start(), s.size()), c.globalLength(), c.start());
  }

  public static DataFrame head(DataFrame df, int n) {
    return Placements.isDistributed(df) ? DistributedRows.head(df, n) : df.head(n);
  }

  public static DataFrame tail(DataFrame df, int n) {
    return Placements.isDistributed(df) ? DistributedRows.tail(df, n) : df.tail(n);
  }

  public static Series sum(DataFrame df) {
    return reduce(df, Agg.Kind.SUM);
  }

  public static Series mean(DataFrame df) {
    return reduce(df, Agg.Kind.MEAN);
  }

  public static Series min(DataFrame df) {
    return reduce(df, Agg.Kind.MIN);
  }

  public static Series max(DataFrame df) {
    return reduce(df, Agg.Kind.MAX);
  }

  public static Series count(DataFrame df) {
    return reduce(df, Agg.Kind.COUNT);
  }

  public static Series std(DataFrame df) {
    return reduce(df, Agg.Kind.STD);
  }

  public static Series var(DataFrame df) {
    return reduce(df, Agg.Kind.VAR);
  }

  private static Series reduce(DataFrame df, Agg.Kind kind) {
    return Placements.isDistributed(df) ? DistributedReductions.reduce(df, kind) : df.reduce(kind);
  }

  public static GroupBy groupBy(DataFrame df, String... keys) {
    GroupBy g = df.groupBy(keys);
    if (Placements.isDistributed(df)) {
      // The grouped frame's rows here, so the aggregation can count what this rank grouped.
      DistributedArrays.register(g, Placements.globalRows(df), Placements.start(df), df.numRows());
    }
    return g;
  }

  public static DataFrame sortValues(DataFrame df, String... by) {
    return sortValues(df, true, by);
  }

  public static DataFrame sortValues(DataFrame df, boolean ascending, String... by) {
    return Placements.isDistributed(df) ? DistributedSort.sortValues(df, ascending, by) : df.sortValues(ascending, by);
  }

  public static DataFrame merge(DataFrame left, DataFrame right, String... on) {
    return merge(left, right, JoinType.INNER, on);
  }

  public static DataFrame merge(DataFrame left, DataFrame right, JoinType how, String... on) {
    if (!Placements.isDistributed(left) && !Placements.isDistributed(right)) {
      return left.merge(right, how, on);
    }
    return DistributedJoin.merge(left, right, how, on);
  }

  public static String toString(DataFrame df) {
    return replicate(df).toString();
  }

  public static boolean equals(DataFrame df, Object other) {
    return replicate(df).equals(replicate(other));
  }

  public static int hashCode(DataFrame df) {
    return replicate(df).hashCode();
  }

  public static void close(DataFrame df) {
    df.close();
  }

  // ---- GroupBy ----------------------------------------------------------------------------------

  public static List<String> keys(GroupBy g) {
    return g.keys();
  }

  public static DataFrame agg(GroupBy g, Agg... aggs) {
    return Placements.isDistributed(g) ? DistributedGroupBy.agg(g, aggs) : g.agg(aggs);
  }

  public static DataFrame sum(GroupBy g) {
    return agg(g, g.defaultAggs(Agg.Kind.SUM));
  }

  public static DataFrame mean(GroupBy g) {
    return agg(g, g.defaultAggs(Agg.Kind.MEAN));
  }

  public static DataFrame min(GroupBy g) {
    return agg(g, g.defaultAggs(Agg.Kind.MIN));
  }

  public static DataFrame max(GroupBy g) {
    return agg(g, g.defaultAggs(Agg.Kind.MAX));
  }

  public static DataFrame count(GroupBy g) {
    return agg(g, g.defaultAggs(Agg.Kind.COUNT));
  }

  public static DataFrame std(GroupBy g) {
    return agg(g, g.defaultAggs(Agg.Kind.STD));
  }

  public static DataFrame var(GroupBy g) {
    return agg(g, g.defaultAggs(Agg.Kind.VAR));
  }

  // ---- Series -----------------------------------------------------------------------------------

  public static int size(Series s) {
    return Placements.isDistributed(s) ? (int) Placements.globalRows(s) : s.size();
  }

  public static String name(Series s) {
    return s.name();
  }

  public static DType dtype(Series s) {
    return s.dtype();
  }

  public static Series rename(Series s, String name) {
    return same(s, s.rename(name));
  }

  public static Series add(Series s, Series o) {
    return same(s, combine(s, o, Series::add));
  }

  public static Series sub(Series s, Series o) {
    return same(s, combine(s, o, Series::sub));
  }

  public static Series mul(Series s, Series o) {
    return same(s, combine(s, o, Series::mul));
  }

  public static Series div(Series s, Series o) {
    return same(s, combine(s, o, Series::div));
  }

  public static Series add(Series s, double x) {
    return same(s, s.add(x));
  }

  public static Series sub(Series s, double x) {
    return same(s, s.sub(x));
  }

  public static Series mul(Series s, double x) {
    return same(s, s.mul(x));
  }

  public static Series div(Series s, double x) {
    return same(s, s.div(x));
  }

  public static Series gt(Series s, Series o) {
    return same(s, combine(s, o, Series::gt));
  }

  public static Series ge(Series s, Series o) {
    return same(s, combine(s, o, Series::ge));
  }

  public static Series lt(Series s, Series o) {
    return same(s, combine(s, o, Series::lt));
  }

  public static Series le(Series s, Series o) {
    return same(s, combine(s, o, Series::le));
  }

  public static Series eq(Series s, Series o) {
    return same(s, combine(s, o, Series::eq));
  }

  public static Series ne(Series s, Series o) {
    return same(s, combine(s, o, Series::ne));
  }

  public static Series gt(Series s, double x) {
    return same(s, s.gt(x));
  }

  public static Series ge(Series s, double x) {
    return same(s, s.ge(x));
  }

  public static Series lt(Series s, double x) {
    return same(s, s.lt(x));
  }

  public static Series le(Series s, double x) {
    return same(s, s.le(x));
  }

  public static Series eq(Series s, double x) {
    return same(s, s.eq(x));
  }

  public static Series ne(Series s, double x) {
    return same(s, s.ne(x));
  }

  public static Series eq(Series s, String x) {
    return same(s, s.eq(x));
  }

  public static Series ne(Series s, String x) {
    return same(s, s.ne(x));
  }

  public static Series and(Series s, Series o) {
    return same(s, combine(s, o, Series::and));
  }

  public static Series or(Series s, Series o) {
    return same(s, combine(s, o, Series::or));
  }

  public static Series not(Series s) {
    return same(s, s.not());
  }

  public static Series filter(Series s, Series mask) {
    return combine(s, mask, (v, m) -> Placements.isDistributed(v) ? DistributedRows.filter(v, m) : v.filter(m));
  }

  public static Series head(Series s, int n) {
    return Placements.isDistributed(s) ? DistributedRows.head(s, n) : s.head(n);
  }

  public static Series tail(Series s, int n) {
    return Placements.isDistributed(s) ? DistributedRows.tail(s, n) : s.tail(n);
  }

  public static double sum(Series s) {
    return stat(s, "sum", true, ColumnStats::sum, Series::sum);
  }

  public static double mean(Series s) {
    return stat(s, "mean", true, ColumnStats::mean, Series::mean);
  }

  public static double min(Series s) {
    return stat(s, "min", false, ColumnStats::min, Series::min);
  }

  public static double max(Series s) {
    return stat(s, "max", false, ColumnStats::max, Series::max);
  }

  public static double std(Series s) {
    return stat(s, "std", true, ColumnStats::std, Series::std);
  }

  public static double var(Series s) {
    return stat(s, "var", true, ColumnStats::var, Series::var);
  }

  /** A reduction of a distributed series from merged partials; a replicated one reduces locally. */
  private static double stat(Series s, String op, boolean numeric, java.util.function.ToDoubleFunction<ColumnStats> finish,
      java.util.function.ToDoubleFunction<Series> local) {
    return Placements.isDistributed(s) ? finish.applyAsDouble(DistributedReductions.stats(checked(s, op, numeric)))
        : local.applyAsDouble(s);
  }

  /**
   * Fails as the sequential reduction does on a column of the wrong type. Checked on the empty
   * slice, so every rank throws the same error whatever rows it holds.
   */
  private static Series checked(Series s, String op, boolean numeric) {
    if (numeric ? !s.dtype().isNumeric() : s.dtype() == DType.STRING) {
      Series empty = s.slice(0, 0);
      switch (op) {
        case "sum" -> empty.sum();
        case "std" -> empty.std();
        case "var" -> empty.var();
        case "min" -> empty.min();
        case "max" -> empty.max();
        default -> empty.mean();
      }
    }
    return s;
  }

  public static long count(Series s) {
    return Placements.isDistributed(s) ? DistributedReductions.stats(s).count() : s.count();
  }

  public static int nullCount(Series s) {
    return Placements.isDistributed(s) ? FrameComm.comm().allreduce(s.nullCount(), dev.parjit.mpi.ReduceOp.SUM)
        : s.nullCount();
  }

  public static double getDouble(Series s, int i) {
    return Placements.isDistributed(s) ? Replication.getDouble(s, i) : s.getDouble(i);
  }

  public static long getLong(Series s, int i) {
    return Placements.isDistributed(s) ? Replication.getLong(s, i) : s.getLong(i);
  }

  public static int getInt(Series s, int i) {
    return Placements.isDistributed(s) ? Replication.getInt(s, i) : s.getInt(i);
  }

  public static boolean getBoolean(Series s, int i) {
    return Placements.isDistributed(s) ? Replication.getBoolean(s, i) : s.getBoolean(i);
  }

  public static String getString(Series s, int i) {
    return Placements.isDistributed(s) ? Replication.getString(s, i) : s.getString(i);
  }

  public static boolean isNull(Series s, int i) {
    return Placements.isDistributed(s) ? Replication.isNull(s, i) : s.isNull(i);
  }

  public static double[] toDoubleArray(Series s) {
    return ((Series) replicate(s)).toDoubleArray();
  }

  public static long[] toLongArray(Series s) {
    return ((Series) replicate(s)).toLongArray();
  }

  public static String[] toStringArray(Series s) {
    return ((Series) replicate(s)).toStringArray();
  }

  public static String toString(Series s) {
    return replicate(s).toString();
  }

  public static boolean equals(Series s, Object other) {
    return replicate(s).equals(replicate(other));
  }

  public static int hashCode(Series s) {
    return replicate(s).hashCode();
  }

  public static void close(Series s) {
    s.close();
  }

  // ---- row loops: local access by global index ---------------------------------------------------

  /**
   * Entry of a chunked loop reading distributed series by its index: counts the rank's range (from
   * {@code first} up to {@code end} exclusive, or down to {@code end} inclusive), so tests can tell
   * that each rank read its own rows ({@link FrameCounters#ROW_LOOP_ROWS}).
   */
  public static void rowLoop(int first, int end, boolean down) {
    long rows = down ? (long) first - end + 1 : (long) end - first;
    FrameCounters.add(FrameCounters.ROW_LOOP_ROWS, Math.max(0, rows));
  }

  /** {@code s.getDouble(i)} inside a parallel loop: {@code i} is global and owned by this rank. */
  public static double localDouble(Series s, int i) {
    return s.getDouble(local(s, i));
  }

  public static long localLong(Series s, int i) {
    return s.getLong(local(s, i));
  }

  public static int localInt(Series s, int i) {
    return s.getInt(local(s, i));
  }

  public static boolean localBoolean(Series s, int i) {
    return s.getBoolean(local(s, i));
  }

  public static String localString(Series s, int i) {
    return s.getString(local(s, i));
  }

  public static boolean localIsNull(Series s, int i) {
    return s.isNull(local(s, i));
  }

  private static int local(Series s, int i) {
    int epoch = DistributedArrays.epoch();
    int home = System.identityHashCode(s);
    for (int k = 0; k < PLACEMENT_WAYS; k++) {
      Placement known = PLACEMENTS[(home + k) & (PLACEMENTS.length - 1)];
      if (known != null && known.epoch == epoch && known.series.get() == s) {
        return (int) (i - known.start);
      }
    }
    return (int) (i - remember(s, home, epoch));
  }

  /**
   * Looks {@code s} up in the registry and keeps its start in a free or outdated entry among its
   * {@link #PLACEMENT_WAYS} (else in its first): series whose identity hashes share an entry then
   * keep one each, where a table of one entry per hash made two such series of one loop evict each
   * other at every row (a registry lookup and two allocations per read: a k-means step over half a
   * million points took 42 ms of CPU instead of 10 on the rank where the two columns collided).
   */
  private static long remember(Series s, int home, int epoch) {
    DistributedArrays.Chunk c = DistributedArrays.lookup(s);
    long start = c == null ? 0 : c.start(); // not distributed: its rows are the global ones
    int at = home & (PLACEMENTS.length - 1);
    for (int k = 0; k < PLACEMENT_WAYS; k++) {
      int slot = (home + k) & (PLACEMENTS.length - 1);
      Placement p = PLACEMENTS[slot];
      if (p == null || p.epoch != epoch || p.series.get() == null) {
        at = slot;
        break;
      }
    }
    PLACEMENTS[at] = new Placement(new java.lang.ref.WeakReference<>(s), start, epoch);
    return start;
  }

  /**
   * A series a row loop read and its first global row. Row loops whose series are the loop's aligned
   * values read {@code s.getDouble(i - start)} directly (the rewrite's {@code SeriesReads}); this path
   * serves the others, which read element after element of the same few series, and a registry
   * lookup (a weak identity map) per element would cost more than the element, so the last ones are
   * kept in a small table by identity hash. Entries are immutable (final fields: safely seen by any
   * thread) and hold the series weakly (a finished loop's series may be collected); an entry counts
   * only while the registry is unchanged ({@link DistributedArrays#epoch}).
   */
  private record Placement(java.lang.ref.WeakReference<Series> series, long start, int epoch) { }

  /** Entries a series may take, from the one its identity hash names on. */
  private static final int PLACEMENT_WAYS = 4;

  private static final Placement[] PLACEMENTS = new Placement[64];

  // ---- whole values ------------------------------------------------------------------------------

  /**
   * A spawn-mode frame parameter on entry: a distributed chunk (a lazy result passed back in) as it
   * is; a whole frame cut to this rank's block, so the method sees 1D data either way.
   */
  public static Object blockOf(Object value) {
    if (value == null || Placements.isDistributed(value)) {
      return value;
    }
    if (value instanceof DataFrame df) {
      return DistributedJoin.block(df);
    }
    if (value instanceof Series s) {
      DataFrame block = DistributedJoin.block(DataFrame.fromSeries(List.of(s.rename("value"))));
      return Placements.register(block.column("value").rename(s.name()), Placements.globalRows(block),
          Placements.start(block));
    }
    return value;
  }

  /**
   * A distributed frame whole on {@code root} only ({@code null} on the other ranks): what spawn
   * mode sends to the driver when it collects a lazy result. A replicated frame is returned as is.
   */
  public static DataFrame gatherTo(DataFrame df, int root) {
    return Placements.isDistributed(df) ? FrameComm.gather(df, root) : df;
  }

  /** The whole frame or series on every rank (REP returns, printing); anything else unchanged. */
  public static Object replicate(Object value) {
    return Replication.replicate(value);
  }

  /** The same placement as {@code source}, for a column-wise result. */
  private static <T> T same(Object source, T result) {
    DistributedArrays.Chunk c = DistributedArrays.lookup(source);
    return c == null ? result : Placements.register(result, c.globalLength(), c.start());
  }

  /**
   * {@code op} of {@code base} and {@code other} lined up row for row, as the sequential operation
   * sees them. A distributed operand cut where {@code base} is goes as it is; one holding the same
   * number of rows placed otherwise (a mask computed from another filter of the same length), or a
   * replicated one, is cut to {@code base}'s rows. Operands whose lengths differ go whole to the
   * sequential operation, so that it throws its own exception (an error path only: every rank knows
   * both global lengths and takes it together).
   */
  private static <B, R> R combine(B base, Series other, java.util.function.BiFunction<B, Series, R> op) {
    DistributedArrays.Chunk b = DistributedArrays.lookup(base);
    DistributedArrays.Chunk o = DistributedArrays.lookup(other);
    if (b == null) {
      return op.apply(base, o == null ? other : (Series) replicate(other));
    }
    long otherRows = o == null ? other.size() : o.globalLength();
    if (otherRows != b.globalLength()) {
      @SuppressWarnings("unchecked")
      B whole = (B) replicate(base);
      return op.apply(whole, (Series) replicate(other));
    }
    // Placements differ on some rank or none: every rank must know, since lining up is collective.
    if (o != null && !FrameComm.anyRank(o.start() != b.start())) {
      return op.apply(base, other);
    }
    Series whole = o == null ? other : (Series) replicate(other);
    int local = base instanceof DataFrame df ? df.numRows() : ((Series) base).size();
    return op.apply(base, whole.slice((int) b.start(), local));
  }
}

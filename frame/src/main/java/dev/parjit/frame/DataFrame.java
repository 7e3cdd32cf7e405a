package dev.parjit.frame;

import dev.parjit.frame.format.PandasFormat;
import dev.parjit.frame.internal.FrameInternals;
import dev.parjit.frame.internal.RemoteFrame;
import dev.parjit.frame.kernel.ColumnStats;
import dev.parjit.frame.kernel.HashJoin;
import dev.parjit.frame.kernel.Sorting;
import dev.parjit.frame.kernel.StableHash;
import dev.parjit.frame.kernel.Vectors;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.IntFunction;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;

/**
 * An immutable table of equally long, uniquely named {@link Series} columns on Arrow vectors,
 * with a pandas-like API. There is no row index: rows are numbered 0..n-1 in every result (as
 * pandas with {@code ignore_index=True} / {@code reset_index(drop=True)}).
 *
 * <p>Memory and sharing rule: a frame owns one Series per column, and every operation gives the
 * new frame its own Series objects. Where data is unchanged ({@link #select}, {@link #withColumn},
 * {@link #head}, {@link #tail}, {@link #slice}, Series passed in) those are zero-copy views sharing
 * Arrow buffers by reference count, so they are cheap and closing any frame or series never
 * invalidates another. {@link #column} returns the frame's own Series: it is closed with the
 * frame. {@link #close()} frees this frame's references now; unclosed frames are freed by the GC.
 */
public final class DataFrame implements AutoCloseable {
  static {
    QuietLogging.chooseNoOpWithoutProvider(); // before Parquet-MR's or Arrow's first logger
    FrameInternals.install(new InternalAccess()); // the internal operations below, for Parjit's own layers
  }

  private final List<Series> columns;
  private final Map<String, Integer> positions;
  private final int numRows;
  /** Where the rows are when they live on the workers (a lazy result of spawn mode), else null. */
  private final RemoteFrame remote;
  private final java.lang.ref.Cleaner.Cleanable remoteCleanable;

  /**
   * For a filtered frame: its source (a frame of views, valid after the source is closed) and the
   * selected rows, so a join or a reduction consuming the filter reads the source rows in place
   * instead of copying every column first; else {@code null}. The columns themselves are taken from
   * the source on first use, so a filter followed by a projection copies only the columns used.
   */
  private final Selection selection;

  /** Rows {@code rows} (ascending) of {@code base}. */
  private record Selection(DataFrame base, int[] rows) { }

  private DataFrame(LazyColumns lazy, int rows, RemoteFrame remote) {
    this(lazy, rows, remote, null);
  }

  private DataFrame(LazyColumns lazy, int rows, RemoteFrame remote, Selection selection) {
    this.selection = selection;
    this.remote = remote;
    // Dropping the last driver reference frees the rows on the workers.
    this.remoteCleanable = remote == null ? null : FrameMemory.registerRemote(this, remote);
    this.columns = lazy;
    this.positions = new HashMap<>();
    for (int i = 0; i < lazy.names().size(); i++) {
      if (positions.put(lazy.names().get(i), i) != null) {
        throw new IllegalArgumentException("duplicate column '" + lazy.names().get(i) + "'");
      }
    }
    this.numRows = rows;
  }

  /**
   * A frame whose columns are decoded on first use by {@code loader} (column index to its Series,
   * named and sized as declared): what file sources return, so a method decodes only the columns
   * it uses. {@code stats} gives a column's reduction statistics without decoding it whole (a reader
   * streams them by row group), {@code batches} streams columns by name batch by batch (a group-by
   * then aggregates as they stream); either may be {@code null}. For readers in {@code
   * dev.parjit.frame.io}, through {@link FrameInternals}; the frame owns what the loader returns.
   */
  static DataFrame deferred(List<String> names, List<DType> types, int rows, IntFunction<Series> loader,
      dev.parjit.frame.kernel.ColumnStatsSource stats, dev.parjit.frame.kernel.ColumnBatches batches) {
    return new DataFrame(new LazyColumns(names, types, rows, loader, stats, batches), rows, null);
  }

  /** A file-backed frame's batch-by-batch column access, else {@code null}. */
  dev.parjit.frame.kernel.ColumnBatches columnBatches() {
    return remote == null && columns instanceof LazyColumns lazy ? lazy.batches() : null;
  }

  /** Whether column {@code name} is in memory (always, except in frames whose columns decode on first use). */
  boolean isDecoded(String name) {
    return !(columns instanceof LazyColumns lazy) || lazy.isDecoded(name);
  }

  /**
   * A lazy result of spawn mode: row count and schema here, rows on the workers. {@link #head} and
   * {@link #tail} fetch only the rows asked for; anything that needs values collects every row
   * once; {@link #close()} or unreachability frees the rows on the workers. For lazy-collect,
   * through {@link FrameInternals}.
   */
  static DataFrame remote(List<String> names, List<DType> types, int rows, RemoteFrame remote) {
    DataFrame[] collected = new DataFrame[1];
    IntFunction<Series> loader = i -> {
      synchronized (collected) {
        if (collected[0] == null) {
          collected[0] = remote.collect();
        }
        return collected[0].column(names.get(i)).rename(names.get(i));
      }
    };
    return new DataFrame(new LazyColumns(names, types, rows, loader, null), rows, remote);
  }

  /** Where this frame's rows live when it is a lazy result (for the agent), else {@code null}. */
  RemoteFrame remoteSource() {
    return remote;
  }

  /** Whether this frame's rows live on the workers and have not all been fetched. */
  boolean isLazy() {
    return remote != null && columns instanceof LazyColumns lazy && lazy.decoded().size() < lazy.size();
  }

  private DataFrame(List<Series> owned) {
    this.selection = null;
    this.remote = null;
    this.remoteCleanable = null;
    this.columns = List.copyOf(owned);
    this.positions = new HashMap<>();
    int rows = -1;
    String first = null;
    for (int i = 0; i < columns.size(); i++) {
      Series s = columns.get(i);
      if (s.name() == null) throw new IllegalArgumentException("column " + i + " has no name");
      if (positions.put(s.name(), i) != null) throw new IllegalArgumentException("duplicate column '" + s.name() + "'");
      if (rows < 0) {
        rows = s.size();
        first = s.name();
      } else if (s.size() != rows) {
        throw new IllegalArgumentException("column '" + s.name() + "' has " + s.size() + " rows but column '" + first + "' has " + rows + " rows");
      }
    }
    this.numRows = Math.max(rows, 0);
  }

  /** A frame over Series this package created for it (takes ownership; closes them on failure). */
  static DataFrame own(List<Series> owned) {
    try {
      return new DataFrame(owned);
    } catch (RuntimeException e) {
      owned.forEach(Series::close);
      throw e;
    }
  }

  // ---- construction ----------------------------------------------------------------------------

  /** One float64 column. */
  public static DataFrame of(String name, double[] values) {
    return own(List.of(Series.of(name, values)));
  }

  /** One int64 column. */
  public static DataFrame of(String name, long[] values) {
    return own(List.of(Series.of(name, values)));
  }

  /** One int32 column. */
  public static DataFrame of(String name, int[] values) {
    return own(List.of(Series.of(name, values)));
  }

  /** One string column. */
  public static DataFrame of(String name, String[] values) {
    return own(List.of(Series.of(name, values)));
  }

  /** One bool column. */
  public static DataFrame of(String name, boolean[] values) {
    return own(List.of(Series.of(name, values)));
  }

  /**
   * Columns from a map in its iteration order (use a {@link LinkedHashMap}); values are arrays
   * ({@code double[] long[] int[] boolean[] String[]}) or Series (viewed, not taken over).
   * Unequal lengths are rejected naming the column.
   */
  public static DataFrame of(Map<String, ?> columns) {
    DataFrameBuilder b = builder();
    for (Map.Entry<String, ?> e : columns.entrySet()) b.add(e.getKey(), (Object) e.getValue());
    return b.build();
  }

  /**
   * Reads a Parquet file, or a directory of part files (in name order), decoding only the named
   * columns (all when none are named). Inside {@code @Jit} code each rank reads its share of the
   * row groups. Bad input (a missing file or column, a truncated file) fails with a
   * {@link dev.parjit.frame.io.FrameIOException} naming the file and column.
   */
  public static DataFrame readParquet(String path, String... columns) {
    return dev.parjit.frame.io.FrameIO.readParquet(path, columns);
  }

  /** Reads a CSV file with a header row; column types are inferred from its first lines. */
  public static DataFrame readCsv(String path) {
    return dev.parjit.frame.io.FrameIO.readCsv(path);
  }

  /**
   * Writes this frame as Parquet into directory {@code dir}, replacing the part files of an earlier
   * write: one part file ({@code part-00000.parquet}) here, one per rank for distributed data inside
   * {@code @Jit} code. Each file appears atomically.
   */
  public void toParquet(String dir) {
    dev.parjit.frame.io.FrameIO.clearParts(dir);
    dev.parjit.frame.io.FrameIO.writePart(this, dir, 0);
  }

  /** A builder: {@code DataFrame.builder().add("x", xs).add("s", series).build()}. */
  public static DataFrameBuilder builder() {
    return new DataFrameBuilder();
  }

  /** Columns from named series (viewed, not taken over). */
  public static DataFrame fromSeries(List<Series> series) {
    List<Series> views = new ArrayList<>();
    for (Series s : series) {
      if (s.name() == null) throw new IllegalArgumentException("fromSeries: every series needs a name");
      views.add(s.asColumn(s.name()));
    }
    return own(views);
  }

  /**
   * Columns from Arrow vectors, taking ownership of them; names are the field names. If a vector
   * is rejected (unsupported type, unequal lengths, duplicate names), all of them are closed.
   */
  public static DataFrame fromArrow(List<FieldVector> vectors) {
    List<Series> cols = new ArrayList<>();
    int i = 0;
    try {
      for (; i < vectors.size(); i++) cols.add(Series.fromArrow(vectors.get(i)));
    } catch (RuntimeException e) {
      // Ownership was passed to us: free the rest (Series.fromArrow closed the rejected one).
      for (int j = i + 1; j < vectors.size(); j++) vectors.get(j).close();
      cols.forEach(Series::close);
      throw e;
    }
    return own(cols);
  }

  /** Rows of several frames with the same column names, order and dtypes, one after another. */
  public static DataFrame concat(DataFrame... frames) {
    if (frames.length == 0) throw new IllegalArgumentException("concat needs at least one DataFrame");
    DataFrame f0 = frames[0];
    try {
      for (int f = 1; f < frames.length; f++) {
        if (!frames[f].columns().equals(f0.columns())) {
          throw new IllegalArgumentException("concat: DataFrame " + f + " has columns " + frames[f].columns()
              + " but DataFrame 0 has " + f0.columns());
        }
        for (int c = 0; c < f0.columns.size(); c++) {
          DType a = f0.columns.get(c).dtype();
          DType b = frames[f].columns.get(c).dtype();
          if (a != b) {
            throw new IllegalArgumentException("concat: column '" + f0.columns.get(c).name() + "' is " + b.pandasName()
                + " in DataFrame " + f + " but " + a.pandasName() + " in DataFrame 0");
          }
        }
      }
      List<Series> out = new ArrayList<>();
      for (int c = 0; c < f0.columns.size(); c++) {
        List<FieldVector> parts = new ArrayList<>();
        for (DataFrame f : frames) parts.add(f.columns.get(c).arrowVector());
        Series s = f0.columns.get(c);
        out.add(Series.own(Vectors.concat(s.dtype(), s.name(), parts), s.name(), null));
      }
      return own(out);
    } finally {
      Reference.reachabilityFence(frames);
    }
  }

  // ---- metadata --------------------------------------------------------------------------------

  /** Number of rows. */
  public int numRows() {
    return numRows;
  }

  /** Number of columns. */
  public int numColumns() {
    return columns.size();
  }

  /** Column names in order. */
  public List<String> columns() {
    if (columns instanceof LazyColumns lazy) return lazy.names();
    List<String> names = new ArrayList<>(columns.size());
    for (Series s : columns) names.add(s.name());
    return Collections.unmodifiableList(names);
  }

  /** True when the frame has this column. */
  public boolean hasColumn(String name) {
    return positions.containsKey(name);
  }

  /** The frame's own Series for a column (closed with the frame). */
  public Series column(String name) {
    Integer i = positions.get(name);
    if (i == null) throw new IllegalArgumentException("No column '" + name + "' in DataFrame; columns are " + columns());
    return columns.get(i);
  }

  /** The dtype of a column. */
  public DType dtype(String name) {
    if (columns instanceof LazyColumns lazy && positions.containsKey(name)) return lazy.type(positions.get(name));
    return column(name).dtype();
  }

  // ---- selection -------------------------------------------------------------------------------

  /** The named columns, in the given order (zero-copy). */
  public DataFrame select(String... names) {
    if (columns instanceof LazyColumns lazy && remote == null) {
      for (String n : names) if (!positions.containsKey(n)) column(n); // the usual error for a missing column
      if (new HashSet<>(Arrays.asList(names)).size() == names.length) {
        // Decodes nothing yet; a filtered frame's projection keeps reading its source in place.
        return new DataFrame(lazy.select(Arrays.asList(names)), numRows, null,
            selection == null ? null : new Selection(selection.base.select(names), selection.rows));
      }
    }
    List<Series> out = new ArrayList<>();
    for (String n : names) out.add(column(n).rename(n));
    return own(out);
  }

  /** All columns except the named ones (zero-copy). */
  public DataFrame drop(String... names) {
    Set<String> gone = new HashSet<>();
    for (String n : names) {
      column(n);
      gone.add(n);
    }
    List<Series> out = new ArrayList<>();
    for (Series s : columns) if (!gone.contains(s.name())) out.add(s.rename(s.name()));
    return own(out);
  }

  /** Rows where {@code mask} (a bool series as long as the frame) is true; null counts as false. */
  public DataFrame filter(Series mask) {
    if (mask.size() != numRows) {
      throw new IllegalArgumentException("filter: mask " + mask.describe() + " has " + mask.size() + " rows, DataFrame has " + numRows);
    }
    if (mask.dtype() != DType.BOOL) {
      throw new IllegalArgumentException("filter needs a bool mask: " + mask.describe() + " is " + mask.dtype().pandasName());
    }
    try {
      return selectRows(Vectors.maskRows(mask.arrowVector()));
    } finally {
      Reference.reachabilityFence(mask);
    }
  }

  /**
   * Rows {@code rows} (ascending) as a frame whose columns are taken on first use: the filter's
   * result. A lazy result of spawn mode is collected and copied at once, as before.
   */
  private DataFrame selectRows(int[] rows) {
    if (remote != null) {
      return takeRows(rows);
    }
    DataFrame base;
    int[] chosen;
    if (selection != null) {
      // A filter of a filter: one selection of the first source, so consumers still read in place
      // (its own views of it: each frame closes its own).
      base = selection.base.detached();
      chosen = new int[rows.length];
      for (int i = 0; i < rows.length; i++) chosen[i] = selection.rows[rows[i]];
    } else {
      base = detached();
      chosen = rows;
    }
    List<String> names = columns();
    List<DType> types = new ArrayList<>(names.size());
    for (String n : names) types.add(dtype(n));
    LazyColumns taken = new LazyColumns(names, types, chosen.length, i -> base.column(names.get(i)).take(chosen), null);
    return new DataFrame(taken, chosen.length, null, new Selection(base, chosen));
  }

  /**
   * The same columns over the same data, still valid when this frame is closed: views of the
   * columns in memory; a file-backed frame's undecoded columns stay undecoded (decoded on first use).
   */
  private DataFrame detached() {
    if (columns instanceof LazyColumns lazy) {
      List<String> names = lazy.names();
      Series[] now = new Series[names.size()];
      List<DType> types = new ArrayList<>(names.size());
      for (int i = 0; i < now.length; i++) {
        types.add(lazy.type(i));
        if (lazy.isDecoded(names.get(i))) now[i] = lazy.get(i).rename(names.get(i));
      }
      IntFunction<Series> later = i -> now[i] != null ? now[i] : lazy.get(i).rename(names.get(i));
      return new DataFrame(new LazyColumns(names, types, numRows, later, null), numRows, null);
    }
    List<Series> views = new ArrayList<>(columns.size());
    for (Series c : columns) views.add(c.rename(c.name()));
    return own(views);
  }

  /** This frame with column {@code name} replaced by (or appended as) a view of {@code s}. */
  public DataFrame withColumn(String name, Series s) {
    if (!columns.isEmpty() && s.size() != numRows) {
      throw new IllegalArgumentException("withColumn('" + name + "'): " + s.describe() + " has " + s.size() + " rows, DataFrame has " + numRows);
    }
    List<Series> out = new ArrayList<>();
    boolean replaced = false;
    for (Series c : columns) {
      if (c.name().equals(name)) {
        out.add(s.asColumn(name));
        replaced = true;
      } else {
        out.add(c.rename(c.name()));
      }
    }
    if (!replaced) out.add(s.asColumn(name));
    return own(out);
  }

  /** The first {@code n} rows ({@code n < 0}: all but the last {@code -n}). */
  public DataFrame head(int n) {
    int k = n >= 0 ? Math.min(n, numRows) : Math.max(0, numRows + n);
    return isLazy() ? remote.head(k) : slice(0, k); // a lazy result fetches k rows only
  }

  /** The last {@code n} rows ({@code n < 0}: all but the first {@code -n}). */
  public DataFrame tail(int n) {
    int k = n >= 0 ? Math.min(n, numRows) : Math.max(0, numRows + n);
    return isLazy() ? remote.tail(k) : slice(numRows - k, k);
  }

  /** Rows {@code [start, start+length)} (zero-copy). */
  public DataFrame slice(int start, int length) {
    if (start < 0 || length < 0 || start > numRows - length) {
      throw new IndexOutOfBoundsException("slice(" + start + ", " + length + ") out of range for a DataFrame of " + numRows + " rows");
    }
    List<Series> out = new ArrayList<>();
    for (Series c : columns) out.add(c.slice(start, length));
    return own(out);
  }

  /** The given rows, in order (-1 gives a row of nulls). Used by filter, sort and joins. */
  DataFrame takeRows(int[] rows) {
    try {
      List<Series> out = new ArrayList<>();
      for (Series c : columns) out.add(c.take(rows));
      return own(out);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  // ---- reductions ------------------------------------------------------------------------------

  /** Per-column sums of numeric columns (int64 when all are integral, else float64). */
  public Series sum() {
    return reduce(Agg.Kind.SUM);
  }

  /** Per-column means of numeric columns (float64). */
  public Series mean() {
    return reduce(Agg.Kind.MEAN);
  }

  /** Per-column minima of numeric columns (int64 when all are integral, else float64). */
  public Series min() {
    return reduce(Agg.Kind.MIN);
  }

  /** Per-column maxima of numeric columns (int64 when all are integral, else float64). */
  public Series max() {
    return reduce(Agg.Kind.MAX);
  }

  /** Per-column non-missing counts of every column (int64). */
  public Series count() {
    return reduce(Agg.Kind.COUNT);
  }

  /** Per-column sample standard deviations of numeric columns (float64). */
  public Series std() {
    return reduce(Agg.Kind.STD);
  }

  /** Per-column sample variances of numeric columns (float64). */
  public Series var() {
    return reduce(Agg.Kind.VAR);
  }

  /** The reduction {@code kind} over the columns it applies to, indexed by column name. */
  public Series reduce(Agg.Kind kind) {
    List<String> names = new ArrayList<>();
    List<DType> types = new ArrayList<>();
    List<ColumnStats> stats = new ArrayList<>();
    Map<String, ColumnStats> byName = columnStats(kind);
    byName.forEach((name, st) -> {
      names.add(name);
      types.add(dtype(name));
      stats.add(st);
    });
    return finishReduction(kind, names, types, stats);
  }

  /**
   * Per-column {@link ColumnStats} of the columns {@code reduce(kind)} would use (numeric ones,
   * or all for COUNT), in column order: the partial a rank contributes to a distributed reduction.
   */
  Map<String, ColumnStats> columnStats(Agg.Kind kind) {
    Map<String, ColumnStats> out = new LinkedHashMap<>();
    if (columns instanceof LazyColumns lazy) {
      // Columns not decoded yet are summarised as they stream in: no whole column is allocated.
      boolean sumsOnly = kind == Agg.Kind.COUNT || kind == Agg.Kind.SUM || kind == Agg.Kind.MEAN;
      for (int i = 0; i < lazy.size(); i++) {
        if (kind == Agg.Kind.COUNT || lazy.type(i).isNumeric()) out.put(lazy.names().get(i), lazy.stats(i, sumsOnly));
      }
      return out;
    }
    for (Series c : columns) if (kind == Agg.Kind.COUNT || c.dtype().isNumeric()) out.put(c.name(), c.stats());
    return out;
  }

  /**
   * Builds the result of {@code reduce(kind)} from (merged) column statistics: the same Series
   * the sequential reduction returns. {@code dtypes} are the columns' dtypes.
   */
  static Series finishReduction(Agg.Kind kind, List<String> names, List<DType> dtypes, List<ColumnStats> stats) {
    int n = names.size();
    String[] labels = names.toArray(new String[0]);
    boolean integral = true;
    for (DType t : dtypes) integral &= t.isIntegral();
    switch (kind) {
      case COUNT: {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = stats.get(i).count();
        return Series.own(Vectors.ofLongs(DType.INT64, null, v, null), null, labels);
      }
      case SUM: case MIN: case MAX:
        if (integral && n > 0) {
          long[] v = new long[n];
          boolean[] valid = new boolean[n];
          boolean anyNull = false;
          for (int i = 0; i < n; i++) {
            ColumnStats s = stats.get(i);
            valid[i] = kind == Agg.Kind.SUM || s.count() > 0;
            anyNull |= !valid[i];
            v[i] = kind == Agg.Kind.SUM ? s.longSum() : !valid[i] ? 0 : kind == Agg.Kind.MIN ? s.longMin() : s.longMax();
          }
          return Series.own(Vectors.ofLongs(DType.INT64, null, v, anyNull ? valid : null), null, labels);
        }
        break;
      default:
        break;
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      ColumnStats s = stats.get(i);
      switch (kind) {
        case SUM: v[i] = s.sum(); break;
        case MEAN: v[i] = s.mean(); break;
        case MIN: v[i] = s.min(); break;
        case MAX: v[i] = s.max(); break;
        case STD: v[i] = s.std(); break;
        default: v[i] = s.var(); break;
      }
    }
    return Series.own(Vectors.ofDoubles(null, v, null), null, labels);
  }

  // ---- relational ------------------------------------------------------------------------------

  /** Groups rows by the key columns; see {@link GroupBy}. */
  public GroupBy groupBy(String... keys) {
    return new GroupBy(this, keys);
  }

  /** Rows sorted ascending by the given columns (stable, missing values last). */
  public DataFrame sortValues(String... by) {
    return sortValues(true, by);
  }

  /** Rows sorted by the given columns (stable, missing values last in both directions). */
  public DataFrame sortValues(boolean ascending, String... by) {
    if (by.length == 0) throw new IllegalArgumentException("sortValues needs at least one column");
    try {
      return takeRows(Sorting.argsort(vectors(by), ascending));
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** Inner join on equal key columns; see {@link #merge(DataFrame, JoinType, String...)}. */
  public DataFrame merge(DataFrame right, String... on) {
    return merge(right, JoinType.INNER, on);
  }

  /**
   * Joins with {@code right} on key columns present in both. Output columns: this frame's
   * columns (keys included, once), then right's non-key columns; a non-key name present on both
   * sides becomes {@code name_x} / {@code name_y} as pandas. Row order: left rows in order, each
   * followed by its matches in right row order; for LEFT, an unmatched left row appears once with
   * nulls on the right. Missing keys never match. Integer and float keys match by value.
   */
  public DataFrame merge(DataFrame right, JoinType how, String... on) {
    if (on.length == 0) throw new IllegalArgumentException("merge needs at least one key column");
    for (String k : on) {
      if (!hasColumn(k)) column(k); // the usual error; a present column of a filtered frame stays untaken
      if (!right.hasColumn(k)) throw new IllegalArgumentException("No column '" + k + "' in right DataFrame; columns are " + right.columns());
    }
    try {
      // A filtered left side is probed in place: its selected rows of the source, no copy first.
      DataFrame left = selection == null ? this : selection.base;
      int[][] m = HashJoin.match(left.vectors(on), right.vectors(on), Arrays.asList(on), how == JoinType.LEFT,
          selection == null ? null : selection.rows);
      Set<String> keys = new HashSet<>(Arrays.asList(on));
      List<Series> out = new ArrayList<>();
      for (String c : columns()) {
        String n = c;
        if (!keys.contains(n) && right.hasColumn(n)) n = n + "_x";
        out.add(Series.own(Vectors.take(left.column(c).arrowVector(), n, m[0]), n, null));
      }
      for (Series c : right.columns) {
        String n = c.name();
        if (keys.contains(n)) continue;
        if (hasColumn(n)) n = n + "_y";
        out.add(Series.own(Vectors.take(c.arrowVector(), n, m[1]), n, null));
      }
      return own(out);
    } finally {
      Reference.reachabilityFence(this);
      Reference.reachabilityFence(right);
    }
  }

  /**
   * Splits rows into {@code parts} frames by {@link StableHash} of the key columns (the same in
   * every JVM): part {@code p} holds, in original order, the rows whose key hash maps to {@code p}.
   * Equal keys always land in the same part, which is what a shuffle before a distributed groupBy
   * or join needs.
   */
  DataFrame[] partitionByHash(String[] keys, int parts) {
    if (keys.length == 0) throw new IllegalArgumentException("partitionByHash needs at least one key column");
    try {
      int[] p = StableHash.partitions(vectors(keys), parts);
      int[] counts = new int[parts];
      for (int x : p) counts[x]++;
      int[][] rows = new int[parts][];
      for (int i = 0; i < parts; i++) rows[i] = new int[counts[i]];
      int[] fill = new int[parts];
      for (int i = 0; i < p.length; i++) rows[p[i]][fill[p[i]]++] = i;
      DataFrame[] out = new DataFrame[parts];
      for (int i = 0; i < parts; i++) out[i] = takeRows(rows[i]);
      return out;
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  // ---- object ----------------------------------------------------------------------------------

  /** Releases this frame's column vectors now (views held elsewhere stay valid). */
  @Override
  public void close() {
    for (Series s : columns instanceof LazyColumns lazy ? lazy.decoded() : columns) s.close();
    if (selection != null) selection.base.close();
    if (remoteCleanable != null) remoteCleanable.clean(); // frees the rows on the workers, once
  }

  /** Same column names, order, dtypes and values. */
  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof DataFrame)) return false;
    return columns.equals(((DataFrame) o).columns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(columns(), numRows);
  }

  /** pandas-style text, as {@code print(df)} shows it. */
  @Override
  public String toString() {
    try {
      return PandasFormat.frame(this);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** Arrow vectors of the named columns (valid while this frame is reachable and open). */
  List<FieldVector> vectors(String... names) {
    List<FieldVector> out = new ArrayList<>();
    for (String n : names) out.add(column(n).arrowVector());
    return out;
  }
}

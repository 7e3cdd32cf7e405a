package dev.parjit.frame;

import dev.parjit.frame.format.PandasFormat;
import dev.parjit.frame.kernel.Arithmetic;
import dev.parjit.frame.kernel.ColumnStats;
import dev.parjit.frame.kernel.Comparison;
import dev.parjit.frame.kernel.Logic;
import dev.parjit.frame.kernel.Vectors;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * An immutable, named column of one {@link DType} backed by one Arrow {@link FieldVector}, with
 * optional string index labels (reductions of a {@link DataFrame} are indexed by column name).
 *
 * <p>Memory: a Series owns its vector. {@link #close()} frees it immediately; otherwise it is freed
 * by a {@link java.lang.ref.Cleaner} after the Series becomes unreachable. Derived series (slices,
 * renames, a DataFrame's columns) own their own vector objects that share Arrow buffers by
 * reference count, so closing one never breaks another.
 *
 * <p>Missing values: Arrow nulls in every type, and NaN in FLOAT64 columns, are missing for
 * {@link #isNull}, {@link #nullCount}, reductions (skipped) and comparisons (false, {@code ne} true),
 * as in pandas. Binary operations are positional: labels are not aligned.
 *
 * <p>A Series is immutable, so it may be read from several threads at once.
 */
public final class Series implements AutoCloseable {
  private final FieldVector vector;
  private final DType dtype;
  private final String name;
  private final String[] labels;
  private final int size;
  private final Cleaner.Cleanable cleanable;
  private volatile boolean closed;
  private int missing = -1;

  private Series(FieldVector vector, String name, String[] labels) {
    this.vector = vector;
    this.dtype = DType.of(vector);
    this.name = name;
    if (labels != null && labels.length != vector.getValueCount()) {
      throw new IllegalArgumentException("series '" + name + "' has " + vector.getValueCount() + " rows but " + labels.length + " labels");
    }
    this.labels = labels;
    this.size = vector.getValueCount();
    this.cleanable = FrameMemory.register(this, vector);
  }

  /** Wraps a vector this package just built (takes ownership). */
  static Series own(FieldVector vector, String name, String[] labels) {
    try {
      return new Series(vector, name, labels);
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
  }

  // ---- construction ----------------------------------------------------------------------------

  /** A FLOAT64 series (NaN is missing). */
  public static Series of(String name, double[] values) {
    return own(Vectors.ofDoubles(name, values, null), name, null);
  }

  /** An INT64 series. */
  public static Series of(String name, long[] values) {
    return own(Vectors.ofLongs(DType.INT64, name, values, null), name, null);
  }

  /** An INT32 series. */
  public static Series of(String name, int[] values) {
    return own(Vectors.ofInts(name, values, null), name, null);
  }

  /** A BOOL series. */
  public static Series of(String name, boolean[] values) {
    return own(Vectors.ofBooleans(name, values, null), name, null);
  }

  /** A STRING series; null elements are nulls. */
  public static Series of(String name, String[] values) {
    return own(Vectors.ofStrings(name, values), name, null);
  }

  /** A TIMESTAMP series from microseconds since the epoch (no time zone). */
  public static Series ofTimestamps(String name, long[] epochMicros) {
    return own(Vectors.ofLongs(DType.TIMESTAMP, name, epochMicros, null), name, null);
  }

  /** A TIMESTAMP series from local date-times (null elements are nulls; truncated to µs). */
  public static Series ofTimestamps(String name, LocalDateTime[] values) {
    long[] micros = new long[values.length];
    boolean[] valid = new boolean[values.length];
    boolean anyNull = false;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        anyNull = true;
      } else {
        valid[i] = true;
        micros[i] = ChronoUnit.MICROS.between(LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC), values[i]);
      }
    }
    return own(Vectors.ofLongs(DType.TIMESTAMP, name, micros, anyNull ? valid : null), name, null);
  }

  /**
   * Wraps an Arrow vector, taking ownership of it; the name is the vector's field name. The
   * vector must not be modified afterwards. An unsupported vector type is closed and rejected.
   */
  public static Series fromArrow(FieldVector vector) {
    return own(vector, vector.getName(), null);
  }

  // ---- metadata --------------------------------------------------------------------------------

  /**
   * The Arrow vector, for I/O code: read it, never modify or close it, and do not keep it beyond
   * the life of this Series.
   */
  public FieldVector arrowVector() {
    return vec();
  }

  /** The name, or null for an unnamed series (such as a reduction result). */
  public String name() {
    return name;
  }

  /** A view of this series under another name (zero copy). */
  public Series rename(String newName) {
    return view(newName, 0, size(), labels);
  }

  /** A view of this series carrying index labels (one per row). */
  public Series withLabels(String... newLabels) {
    return view(name, 0, size(), newLabels.clone());
  }

  /** The element type. */
  public DType dtype() {
    return dtype;
  }

  /** Number of rows. */
  public int size() {
    return size;
  }

  /** True when the series carries index labels. */
  public boolean hasLabels() {
    return labels != null;
  }

  /** The index labels, or an empty list when the series has the default 0..n-1 index. */
  public List<String> labels() {
    return labels == null ? List.of() : Collections.unmodifiableList(Arrays.asList(labels));
  }

  /** Index label of row {@code i}: its string label, or {@code i} as text. */
  public String label(int i) {
    checkRow(i);
    return labels == null ? Integer.toString(i) : labels[i];
  }

  /** The value labelled {@code label}, as a double (first match). */
  public double get(String label) {
    if (labels != null) {
      for (int i = 0; i < labels.length; i++) if (labels[i].equals(label)) return getDouble(i);
    }
    throw new IllegalArgumentException("No label '" + label + "' in series " + describe() + "; labels are " + labels());
  }

  // ---- element access --------------------------------------------------------------------------

  /** True when row {@code i} is missing (Arrow null, or NaN in a float column). */
  public boolean isNull(int i) {
    checkRow(i);
    try {
      FieldVector v = vec();
      if (!Vectors.isValid(v, i)) return true;
      return dtype == DType.FLOAT64 && Double.isNaN(v.getDataBuffer().getDouble(i * 8L));
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** Number of missing rows. */
  public int nullCount() {
    if (missing < 0) {
      try {
        FieldVector v = vec();
        int c = v.getNullCount();
        if (dtype == DType.FLOAT64) {
          ArrowBuf data = v.getDataBuffer();
          ArrowBuf valid = v.getValidityBuffer();
          int n = size();
          for (int i = 0; i < n; i++) {
            if (BitVectorHelper.get(valid, i) != 0 && Double.isNaN(data.getDouble(i * 8L))) c++;
          }
        }
        missing = c;
      } finally {
        Reference.reachabilityFence(this);
      }
    }
    return missing;
  }

  /** Row {@code i} as a double (any numeric type, booleans as 0/1, timestamps as µs); missing → NaN. */
  public double getDouble(int i) {
    checkRow(i);
    try {
      FieldVector v = vec();
      if (!Vectors.isValid(v, i)) return Double.NaN;
      ArrowBuf d = v.getDataBuffer();
      switch (dtype) {
        case FLOAT64: return d.getDouble(i * 8L);
        case INT64: case TIMESTAMP: return d.getLong(i * 8L);
        case INT32: return d.getInt(i * 4L);
        case BOOL: return BitVectorHelper.get(d, i);
        default: throw typeError("getDouble", "numeric");
      }
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** Row {@code i} of an integer, boolean (0/1) or timestamp (µs) series; a null is an error. */
  public long getLong(int i) {
    checkRow(i);
    try {
      FieldVector v = vec();
      if (!dtype.isLongLike()) throw typeError("getLong", "integer");
      if (!Vectors.isValid(v, i)) throw nullError(i);
      ArrowBuf d = v.getDataBuffer();
      switch (dtype) {
        case INT64: case TIMESTAMP: return d.getLong(i * 8L);
        case INT32: return d.getInt(i * 4L);
        default: return BitVectorHelper.get(d, i);
      }
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** Row {@code i} of an integer series as an int (must fit); a null is an error. */
  public int getInt(int i) {
    long x = getLong(i);
    if (x != (int) x) throw new ArithmeticException("row " + i + " of " + describe() + " = " + x + " does not fit an int");
    return (int) x;
  }

  /** Row {@code i} of a BOOL series; a null is an error. */
  public boolean getBoolean(int i) {
    checkRow(i);
    try {
      FieldVector v = vec();
      if (dtype != DType.BOOL) throw typeError("getBoolean", "bool");
      if (!Vectors.isValid(v, i)) throw nullError(i);
      return BitVectorHelper.get(v.getDataBuffer(), i) != 0;
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** Row {@code i} of a STRING series (null for a null). */
  public String getString(int i) {
    checkRow(i);
    try {
      if (dtype != DType.STRING) throw typeError("getString", "object (string)");
      return Vectors.string(vec(), i);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** Row {@code i} of a TIMESTAMP series (null for a null). */
  public LocalDateTime getTimestamp(int i) {
    checkRow(i);
    if (dtype != DType.TIMESTAMP) throw typeError("getTimestamp", "datetime64[us]");
    if (isNull(i)) return null;
    long us = getLong(i);
    return LocalDateTime.ofEpochSecond(Math.floorDiv(us, 1_000_000L), (int) Math.floorMod(us, 1_000_000L) * 1000, ZoneOffset.UTC);
  }

  /** All values as doubles (numeric and timestamp series); missing → NaN. */
  public double[] toDoubleArray() {
    try {
      if (dtype == DType.STRING) throw typeError("toDoubleArray", "numeric");
      return Vectors.doubles(vec());
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** All values as longs (integer, boolean, timestamp series); nulls are an error. */
  public long[] toLongArray() {
    try {
      if (!dtype.isLongLike()) throw typeError("toLongArray", "integer");
      if (vec().getNullCount() > 0) {
        throw new IllegalStateException(describe() + " has " + vec().getNullCount() + " nulls; use toDoubleArray() to read them as NaN");
      }
      return Vectors.longs(vec());
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** All values of a STRING series (nulls as null). */
  public String[] toStringArray() {
    if (dtype != DType.STRING) throw typeError("toStringArray", "object (string)");
    String[] out = new String[size()];
    for (int i = 0; i < out.length; i++) out[i] = getString(i);
    return out;
  }

  // ---- elementwise -----------------------------------------------------------------------------

  /** Elementwise {@code this + other}. */
  public Series add(Series other) {
    return arith(other, Arithmetic.Op.ADD, "add");
  }

  /** Elementwise {@code this - other}. */
  public Series sub(Series other) {
    return arith(other, Arithmetic.Op.SUB, "sub");
  }

  /** Elementwise {@code this * other}. */
  public Series mul(Series other) {
    return arith(other, Arithmetic.Op.MUL, "mul");
  }

  /** Elementwise {@code this / other} (always float64; x/0 is ±inf or NaN as in numpy). */
  public Series div(Series other) {
    return arith(other, Arithmetic.Op.DIV, "div");
  }

  /** {@code this + x} (float64). */
  public Series add(double x) {
    return arith(x, Arithmetic.Op.ADD, "add");
  }

  /** {@code this - x} (float64). */
  public Series sub(double x) {
    return arith(x, Arithmetic.Op.SUB, "sub");
  }

  /** {@code this * x} (float64). */
  public Series mul(double x) {
    return arith(x, Arithmetic.Op.MUL, "mul");
  }

  /** {@code this / x} (float64). */
  public Series div(double x) {
    return arith(x, Arithmetic.Op.DIV, "div");
  }

  /** Elementwise {@code this > other} (BOOL). */
  public Series gt(Series other) {
    return cmp(other, Comparison.Op.GT, "gt");
  }

  /** Elementwise {@code this >= other}. */
  public Series ge(Series other) {
    return cmp(other, Comparison.Op.GE, "ge");
  }

  /** Elementwise {@code this < other}. */
  public Series lt(Series other) {
    return cmp(other, Comparison.Op.LT, "lt");
  }

  /** Elementwise {@code this <= other}. */
  public Series le(Series other) {
    return cmp(other, Comparison.Op.LE, "le");
  }

  /** Elementwise {@code this == other}. */
  public Series eq(Series other) {
    return cmp(other, Comparison.Op.EQ, "eq");
  }

  /** Elementwise {@code this != other}. */
  public Series ne(Series other) {
    return cmp(other, Comparison.Op.NE, "ne");
  }

  /** {@code this > x}. */
  public Series gt(double x) {
    return cmp(x, Comparison.Op.GT, "gt");
  }

  /** {@code this >= x}. */
  public Series ge(double x) {
    return cmp(x, Comparison.Op.GE, "ge");
  }

  /** {@code this < x}. */
  public Series lt(double x) {
    return cmp(x, Comparison.Op.LT, "lt");
  }

  /** {@code this <= x}. */
  public Series le(double x) {
    return cmp(x, Comparison.Op.LE, "le");
  }

  /** {@code this == x}. */
  public Series eq(double x) {
    return cmp(x, Comparison.Op.EQ, "eq");
  }

  /** {@code this != x}. */
  public Series ne(double x) {
    return cmp(x, Comparison.Op.NE, "ne");
  }

  /** {@code this == s} for a string series. */
  public Series eq(String s) {
    return cmp(s, Comparison.Op.EQ, "eq");
  }

  /** {@code this != s} for a string series. */
  public Series ne(String s) {
    return cmp(s, Comparison.Op.NE, "ne");
  }

  /** Elementwise AND of two BOOL series (Kleene logic for nulls). */
  public Series and(Series other) {
    return logic(other, false, "and");
  }

  /** Elementwise OR of two BOOL series (Kleene logic for nulls). */
  public Series or(Series other) {
    return logic(other, true, "or");
  }

  /** Elementwise NOT of a BOOL series. */
  public Series not() {
    try {
      return own(Logic.not(vec(), name), name, labels);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  // ---- reductions ------------------------------------------------------------------------------

  /** The mergeable partial behind every reduction (see {@link ColumnStats}). */
  ColumnStats stats() {
    try {
      return ColumnStats.of(this);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** Sum of non-missing values (0 when none). */
  public double sum() {
    return numericStats("sum").sum();
  }

  /** Mean of non-missing values (NaN when none). */
  public double mean() {
    return numericStats("mean").mean();
  }

  /** Minimum (NaN when none); timestamps give µs. */
  public double min() {
    return orderedStats("min").min();
  }

  /** Maximum (NaN when none); timestamps give µs. */
  public double max() {
    return orderedStats("max").max();
  }

  /** Sample standard deviation (ddof = 1; NaN for fewer than two values). */
  public double std() {
    return numericStats("std").std();
  }

  /** Sample variance (ddof = 1; NaN for fewer than two values). */
  public double var() {
    return numericStats("var").var();
  }

  /** Number of non-missing values. */
  public long count() {
    return size() - nullCount();
  }

  // ---- reshaping -------------------------------------------------------------------------------

  /** The first {@code n} rows ({@code n < 0}: all but the last {@code -n}). */
  public Series head(int n) {
    int k = n >= 0 ? Math.min(n, size()) : Math.max(0, size() + n);
    return slice(0, k);
  }

  /** The last {@code n} rows ({@code n < 0}: all but the first {@code -n}). */
  public Series tail(int n) {
    int k = n >= 0 ? Math.min(n, size()) : Math.max(0, size() + n);
    return slice(size() - k, k);
  }

  /** Rows {@code [start, start+length)} as a zero-copy view. */
  public Series slice(int start, int length) {
    if (start < 0 || length < 0 || start > size() - length) {
      throw new IndexOutOfBoundsException("slice(" + start + ", " + length + ") out of range for " + describe() + " of size " + size());
    }
    return view(name, start, length, labels == null ? null : Arrays.copyOfRange(labels, start, start + length));
  }

  /** Rows where {@code mask} is true (a null mask entry counts as false). */
  public Series filter(Series mask) {
    try {
      requireMask(mask, "filter");
      return take(Vectors.maskRows(mask.vec()));
    } finally {
      Reference.reachabilityFence(this);
      Reference.reachabilityFence(mask);
    }
  }

  /** Frees the vector now (idempotent). Using the series afterwards is an error. */
  @Override
  public void close() {
    closed = true;
    cleanable.clean();
  }

  // ---- object ----------------------------------------------------------------------------------

  /** Same name, dtype, labels and values (NaN equals NaN, nulls equal nulls). */
  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Series)) return false;
    Series s = (Series) o;
    try {
      return Objects.equals(name, s.name) && dtype == s.dtype && Arrays.equals(labels, s.labels)
          && Vectors.contentEquals(vec(), s.vec());
    } finally {
      Reference.reachabilityFence(this);
      Reference.reachabilityFence(s);
    }
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dtype, size(), Arrays.hashCode(labels));
  }

  /** pandas-style text, as {@code print(series)} shows it. */
  @Override
  public String toString() {
    try {
      return PandasFormat.series(this);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  // ---- package helpers -------------------------------------------------------------------------

  /** A new Series with the given rows (-1 = null), keeping labels. */
  Series take(int[] rows) {
    try {
      String[] l = null;
      if (labels != null) {
        l = new String[rows.length];
        for (int i = 0; i < rows.length; i++) l[i] = rows[i] < 0 ? "" : labels[rows[i]];
      }
      return own(Vectors.take(vec(), name, rows), name, l);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** Zero-copy view named {@code columnName} without index labels: how a frame holds a column. */
  Series asColumn(String columnName) {
    return view(columnName, 0, size, null);
  }

  /** Zero-copy view (own vector, shared buffers). */
  Series view(String newName, int start, int length, String[] newLabels) {
    try {
      return own(Vectors.view(vec(), newName, start, length), newName, newLabels);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** Text naming this series in error messages. */
  String describe() {
    return name == null ? "unnamed series" : "series '" + name + "'";
  }

  void requireSize(Series other, String op) {
    if (other.size() != size()) {
      throw new IllegalArgumentException("Series size mismatch in " + op + ": " + describe() + " has " + size()
          + " rows, " + other.describe() + " has " + other.size() + " rows");
    }
  }

  private void requireMask(Series mask, String op) {
    requireSize(mask, op);
    if (mask.dtype != DType.BOOL) {
      throw new IllegalArgumentException(op + " needs a bool mask: " + mask.describe() + " is " + mask.dtype.pandasName());
    }
  }

  private FieldVector vec() {
    if (closed) throw new IllegalStateException(describe() + " is closed");
    return vector;
  }

  private void checkRow(int i) {
    if (i < 0 || i >= size()) throw rowOutOfRange(i, size());
  }

  /** What reading row {@code i} of this series throws when it has {@code size} rows (distributed reads share it). */
  IndexOutOfBoundsException rowOutOfRange(long i, long size) {
    return new IndexOutOfBoundsException("row " + i + " out of range for " + describe() + " of size " + size);
  }

  private IllegalArgumentException typeError(String op, String needed) {
    return new IllegalArgumentException(op + " needs a " + needed + " series: " + describe() + " is " + dtype.pandasName());
  }

  private IllegalStateException nullError(int i) {
    return new IllegalStateException("row " + i + " of " + describe() + " is null");
  }

  private ColumnStats numericStats(String op) {
    if (!dtype.isNumeric()) throw typeError(op, "numeric");
    return stats();
  }

  private ColumnStats orderedStats(String op) {
    if (dtype == DType.STRING) throw typeError(op, "numeric or datetime");
    return stats();
  }

  private String resultName(Series other) {
    return Objects.equals(name, other.name) ? name : null;
  }

  private Series arith(Series other, Arithmetic.Op op, String opName) {
    try {
      requireSize(other, opName);
      if (!dtype.isNumeric() || !other.dtype.isNumeric()) {
        throw new IllegalArgumentException("Series type mismatch in " + opName + ": " + describe() + " is " + dtype.pandasName()
            + ", " + other.describe() + " is " + other.dtype.pandasName() + "; both must be numeric");
      }
      String n = resultName(other);
      return own(Arithmetic.apply(vec(), other.vec(), op, n), n, labels);
    } finally {
      Reference.reachabilityFence(this);
      Reference.reachabilityFence(other);
    }
  }

  private Series arith(double x, Arithmetic.Op op, String opName) {
    try {
      if (!dtype.isNumeric()) throw typeError(opName, "numeric");
      return own(Arithmetic.apply(vec(), x, op, name), name, labels);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  private Series cmp(Series other, Comparison.Op op, String opName) {
    try {
      requireSize(other, opName);
      boolean ok = (dtype.isNumeric() && other.dtype.isNumeric()) || dtype == other.dtype;
      if (!ok) {
        throw new IllegalArgumentException("Series type mismatch in " + opName + ": " + describe() + " is " + dtype.pandasName()
            + ", " + other.describe() + " is " + other.dtype.pandasName());
      }
      String n = resultName(other);
      return own(Comparison.apply(vec(), other.vec(), op, n), n, labels);
    } finally {
      Reference.reachabilityFence(this);
      Reference.reachabilityFence(other);
    }
  }

  private Series cmp(double x, Comparison.Op op, String opName) {
    try {
      if (dtype == DType.STRING) throw typeError(opName + "(double)", "numeric or datetime");
      return own(Comparison.apply(vec(), x, op, name), name, labels);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  private Series cmp(String s, Comparison.Op op, String opName) {
    try {
      if (dtype != DType.STRING) throw typeError(opName + "(String)", "object (string)");
      return own(Comparison.apply(vec(), s, op, name), name, labels);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  private Series logic(Series other, boolean or, String opName) {
    try {
      requireSize(other, opName);
      if (dtype != DType.BOOL || other.dtype != DType.BOOL) {
        throw new IllegalArgumentException("Series type mismatch in " + opName + ": " + describe() + " is " + dtype.pandasName()
            + ", " + other.describe() + " is " + other.dtype.pandasName() + "; both must be bool");
      }
      String n = resultName(other);
      return own(Logic.combine(vec(), other.vec(), or, n), n, labels);
    } finally {
      Reference.reachabilityFence(this);
      Reference.reachabilityFence(other);
    }
  }
}

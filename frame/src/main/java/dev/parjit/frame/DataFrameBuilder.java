package dev.parjit.frame;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link DataFrame} column by column:
 * {@code DataFrame.builder().add("x", new double[]{1, 2}).add("s", series).build()}.
 * A Series added here is not taken over: the frame gets its own zero-copy view of it.
 */
public final class DataFrameBuilder {
  private final List<Series> columns = new ArrayList<>();
  private boolean built;

  DataFrameBuilder() {}

  /** Adds a float64 column. */
  public DataFrameBuilder add(String name, double[] values) {
    return put(Series.of(name, values));
  }

  /** Adds an int64 column. */
  public DataFrameBuilder add(String name, long[] values) {
    return put(Series.of(name, values));
  }

  /** Adds an int32 column. */
  public DataFrameBuilder add(String name, int[] values) {
    return put(Series.of(name, values));
  }

  /** Adds a bool column. */
  public DataFrameBuilder add(String name, boolean[] values) {
    return put(Series.of(name, values));
  }

  /** Adds a string column (null elements are nulls). */
  public DataFrameBuilder add(String name, String[] values) {
    return put(Series.of(name, values));
  }

  /** Adds a timestamp column from microseconds since the epoch. */
  public DataFrameBuilder addTimestamps(String name, long[] epochMicros) {
    return put(Series.ofTimestamps(name, epochMicros));
  }

  /** Adds a view of {@code series} named {@code name} (index labels are dropped). */
  public DataFrameBuilder add(String name, Series series) {
    return put(series.asColumn(name));
  }

  /**
   * Adds a column from an array ({@code double[] long[] int[] boolean[] String[]}) or a
   * {@link Series}; anything else is rejected naming the column.
   */
  public DataFrameBuilder add(String name, Object value) {
    if (value instanceof double[]) return add(name, (double[]) value);
    if (value instanceof long[]) return add(name, (long[]) value);
    if (value instanceof int[]) return add(name, (int[]) value);
    if (value instanceof boolean[]) return add(name, (boolean[]) value);
    if (value instanceof String[]) return add(name, (String[]) value);
    if (value instanceof Series) return add(name, (Series) value);
    throw new IllegalArgumentException("column '" + name + "': unsupported value "
        + (value == null ? "null" : value.getClass().getSimpleName())
        + "; use double[], long[], int[], boolean[], String[] or Series");
  }

  private DataFrameBuilder put(Series s) {
    if (built) {
      s.close();
      throw new IllegalStateException("build() was already called on this builder");
    }
    columns.add(s);
    return this;
  }

  /** The frame (columns in insertion order); checks equal lengths and unique names. */
  public DataFrame build() {
    if (built) throw new IllegalStateException("build() was already called on this builder");
    built = true;
    return DataFrame.own(columns);
  }
}

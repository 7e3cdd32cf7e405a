package dev.parjit.frame.kernel;

/**
 * A frame source's column statistics computed without decoding the column whole (a Parquet reader
 * streams them page by page).
 */
@FunctionalInterface
public interface ColumnStatsSource {

  /**
   * Column {@code index}'s statistics. With {@code sumsOnly} the caller needs only the count and the
   * sum (a sum, mean or count): a source may then skip the minimum, maximum and second moment of
   * floating-point columns, which it leaves NaN.
   */
  ColumnStats stats(int index, boolean sumsOnly);
}

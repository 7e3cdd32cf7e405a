package dev.parjit.frame.kernel;

import java.util.List;

/**
 * The columns of a file-backed frame delivered batch by batch (a Parquet source: row group by row
 * group) as primitive arrays, so an aggregation can stream over them without decoding whole
 * columns into Arrow vectors. Arrays are reused from batch to batch: a sink reads them during the
 * call only.
 */
public interface ColumnBatches {

  /** One column of a batch: the first {@code rows} entries of its arrays. */
  final class Column {
    /** Values of a float64 column, NaN where null; else null. */
    public double[] doubles;
    /** Values of an integral column (int64, int32), 0 where null; else null. */
    public long[] longs;
    /** Validity, or null when the batch has no nulls in this column. */
    public boolean[] valid;
  }

  /** Receives the batches in row order. */
  interface Sink {
    void batch(int rows, Column[] columns);
  }

  /**
   * @param columns column names
   * @return whether every column can be delivered as primitive arrays (float64, int64 and int32
   *     columns of supported encodings); when false the caller decodes vectors instead
   */
  boolean supports(List<String> columns);

  /** Streams the named columns (all {@link #supports supported}) to {@code sink}. */
  void scan(List<String> columns, Sink sink);
}

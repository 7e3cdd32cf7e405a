package dev.parjit.lazy;

import dev.parjit.frame.DType;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.dist.DistributedFrames;
import dev.parjit.frame.dist.FrameCounters;
import dev.parjit.frame.dist.Placements;

/**
 * A worker's part in lazy results: keeping a distributed frame a call returned, answering the
 * driver's requests for its rows, freeing it. Every rank takes part in each step (the rows are
 * gathered to rank 0, which alone answers), so each is called on every rank in the same order.
 */
public final class WorkerResults {

  /** Rows sent with a lazy result, so the driver's {@code head()} of a few rows moves nothing more. */
  public static final int PREVIEW_ROWS = 5;

  /**
   * System property: a lazy result whose rows take at most this many bytes over all ranks (fixed-width
   * columns only) is sent whole with the call's answer; -1 sends only the first {@link #PREVIEW_ROWS}.
   */
  public static final String WHOLE_BYTES_PROPERTY = "parjit.lazyWholeBytes";
  /**
   * A group-by of thousands of keys, a filter down to a few thousand rows: what the driver reads next
   * anyway. Sent with the answer, it costs no second round trip to every worker (a fetch and its
   * gather); sent and never read, it costs about a millisecond.
   */
  static final long DEFAULT_WHOLE_BYTES = 1L << 20;

  private WorkerResults() { }

  /** Whether {@code df} is split over the ranks (so it can stay here as a lazy result). */
  public static boolean isDistributed(DataFrame df) {
    return Placements.isDistributed(df);
  }

  /** Rows of {@code df} over all ranks. */
  public static long globalRows(DataFrame df) {
    return Placements.globalRows(df);
  }

  /**
   * Keeps this rank's chunk of the distributed frame {@code df} under {@code callId}; returns its
   * first {@link #PREVIEW_ROWS} rows on rank 0 (every row when {@link #sendsWhole}), {@code null} on
   * the other ranks.
   */
  public static DataFrame keep(long callId, DataFrame df, int rank) {
    ResultRegistry.put(callId, df);
    DataFrame shown = df;
    if (sendsWhole(df)) {
      FrameCounters.add(FrameCounters.LAZY_ROWS_SENT_WHOLE, df.numRows()); // this rank's chunk
    } else {
      shown = DistributedFrames.head(df, PREVIEW_ROWS);
    }
    DataFrame preview = DistributedFrames.gatherTo(shown, 0);
    return rank == 0 ? preview : null;
  }

  /**
   * Whether {@code df} goes to the driver whole with the call's answer: its columns are of fixed
   * width and its rows over all ranks take at most {@link #WHOLE_BYTES_PROPERTY} bytes. Every rank
   * knows the global row count and the schema, so all decide alike without a collective.
   */
  static boolean sendsWhole(DataFrame df) {
    long rowBytes = 0;
    for (String c : df.columns()) {
      int width = valueBytes(df.dtype(c));
      if (width < 0) {
        return false; // strings: their size is not known here without another collective
      }
      rowBytes += width;
    }
    long limit = wholeBytes();
    return limit >= 0 && globalRows(df) * rowBytes <= limit;
  }

  /** Bytes of one value of {@code t} (its validity bit aside), -1 for variable width. */
  private static int valueBytes(DType t) {
    return switch (t) {
      case FLOAT64, INT64, TIMESTAMP -> 8;
      case INT32 -> 4;
      case BOOL -> 1;
      case STRING -> -1;
    };
  }

  /** The threshold in force (the property, read at each result so a test can change it). */
  static long wholeBytes() {
    String v = System.getProperty(WHOLE_BYTES_PROPERTY);
    if (v == null || v.isBlank()) {
      return DEFAULT_WHOLE_BYTES;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(WHOLE_BYTES_PROPERTY + " must be a number of bytes, not '" + v + "'");
    }
  }

  /**
   * Rows of lazy result {@code resultId} ({@code part}: {@code head} or {@code tail} for the first
   * or last {@code k}, else all), gathered on rank 0; {@code null} on the other ranks.
   */
  public static DataFrame rows(long resultId, String part, int k, int rank) {
    DataFrame df = (DataFrame) ResultRegistry.get(resultId);
    DataFrame chosen = switch (part) {
      case "head" -> DistributedFrames.head(df, k);
      case "tail" -> DistributedFrames.tail(df, k);
      default -> df;
    };
    FrameCounters.add(FrameCounters.LAZY_ROWS_FETCHED, chosen.numRows());
    DataFrame whole = DistributedFrames.gatherTo(chosen, 0);
    return rank == 0 ? whole : null;
  }

  /** Frees lazy results the driver dropped (ids this worker does not hold are ignored). */
  public static void free(long[] ids) {
    for (long id : ids) {
      Object v = ResultRegistry.remove(id);
      if (v instanceof DataFrame df) {
        df.close();
      }
    }
  }
}

package dev.parjit.lazy;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.dist.DistributedFrames;
import dev.parjit.frame.dist.Placements;

/**
 * A worker's part in lazy results: keeping a distributed frame a call returned, answering the
 * driver's requests for its rows, freeing it. Every rank takes part in each step (the rows are
 * gathered to rank 0, which alone answers), so each is called on every rank in the same order.
 */
public final class WorkerResults {

  /** Rows sent with a lazy result, so the driver's {@code head()} of a few rows moves nothing more. */
  public static final int PREVIEW_ROWS = 5;

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
   * first {@link #PREVIEW_ROWS} rows on rank 0, {@code null} on the other ranks.
   */
  public static DataFrame keep(long callId, DataFrame df, int rank) {
    ResultRegistry.put(callId, df);
    DataFrame preview = DistributedFrames.gatherTo(DistributedFrames.head(df, PREVIEW_ROWS), 0);
    return rank == 0 ? preview : null;
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

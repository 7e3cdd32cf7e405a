package dev.parjit.frame.dist;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.kernel.KeyOrder;

/**
 * A distributed sample sort giving exactly the sequential stable order. The order is the sort keys
 * and then the global row number (the stable tie-break). Splitters from every rank's samples cut
 * that order into one range per rank ({@link RangePartition}); each rank sends every row to the
 * rank of its range ({@link FrameComm#exchangeRows}: one all-to-all, rows keeping their order,
 * encoded straight from the chunk and decoded straight into one frame), so what a rank receives,
 * pieces in rank order, is in global row order; one stable local sort of it, the sequential
 * {@code sortValues} itself, then gives that range of the sequential result. Each row is sorted
 * once, by the rank that keeps it, and moved once; nothing is sorted before the exchange. The
 * result is 1D_Var.
 */
final class DistributedSort {

  private DistributedSort() { }

  static DataFrame sortValues(DataFrame df, boolean ascending, String... by) {
    if (by.length == 0) {
      throw new IllegalArgumentException("sortValues needs at least one column");
    }
    for (String key : by) {
      df.column(key); // a missing column fails here, the same on every rank, before any collective
    }
    long start = Placements.start(df);
    FrameCounters.add(FrameCounters.SORTED_ROWS, df.numRows());
    RangePartition ranges = RangePartition.choose(df, by, ascending, start, Placements.globalRows(df));
    DataFrame here = FrameComm.exchangeRows(df, destinations(df, ranges, ascending, by, start));
    DataFrame mine = here.sortValues(ascending, by);
    long[] placement = FrameComm.placementOf(mine.numRows());
    return Placements.register(mine, placement[1], placement[0]);
  }

  /**
   * {@code df} cut into {@code p} pieces by ascending ranges of {@code keys}, the ranges the same on
   * every rank: piece {@code d} goes to rank {@code d}, so after one all-to-all each rank holds a
   * contiguous key range, ranks in key order, and equal keys from every rank meet on one rank.
   * Pieces are not sorted: for keys that are unique per rank (group-by partials) a rank orders what
   * it receives itself.
   */
  static DataFrame[] rangePieces(DataFrame df, String[] keys) {
    RangePartition ranges = RangePartition.choose(df, keys, true, -1, FrameComm.placementOf(df.numRows())[1]);
    return pieces(df, ranges, true, keys, -1);
  }

  private static DataFrame[] pieces(DataFrame df, RangePartition ranges, boolean ascending, String[] keys, long start) {
    return RangePartition.pieces(df, destinations(df, ranges, ascending, keys, start), FrameComm.comm().size());
  }

  /** The rank each row of {@code df} goes to. */
  private static int[] destinations(DataFrame df, RangePartition ranges, boolean ascending, String[] keys, long start) {
    try {
      return ranges.destinations(KeyOrder.of(RangePartition.vectors(df, keys), ascending), df.numRows(), start);
    } finally {
      java.lang.ref.Reference.reachabilityFence(df); // KeyOrder.of reads its vectors
    }
  }
}

package dev.parjit.frame.dist;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.io.FrameIO;
import dev.parjit.frame.io.parquet.ParquetDataset;
import dev.parjit.frame.io.parquet.RowGroupRef;
import dev.parjit.runtime.BlockDistribution;
import java.util.ArrayList;
import java.util.List;

/**
 * Evens out the rows of a distributed Parquet read. Ranks read whole row groups, so a file with
 * fewer row groups than ranks, or groups of very different sizes, leaves some ranks with most of the
 * rows (a one-group file of a million points: every row on one rank, and every later step over that
 * frame runs on one core). When the largest share exceeds a block ({@code ceil(n / p)} rows, Bodo's
 * formula) by more than {@link #TOLERANCE}, each rank instead reads the row groups that hold its
 * 1D_Block rows and keeps those rows: a group split between ranks is decoded by each of them (at the
 * same time, on their own cores), and no row travels between ranks. Every rank knows every share
 * from the footers, so all take the same decision without a message.
 */
final class ReadBalance {

  /** How far the largest share may exceed a block before ranks read by blocks (else whole groups stay). */
  static final double TOLERANCE = 1.25;

  private ReadBalance() { }

  /**
   * Whether shares of these sizes (rows per rank, in rank order) are uneven enough to read by blocks:
   * the largest one more than {@link #TOLERANCE} blocks.
   */
  static boolean uneven(long[] shares) {
    long total = 0;
    long largest = 0;
    for (long s : shares) {
      total += s;
      largest = Math.max(largest, s);
    }
    long block = (total + shares.length - 1) / shares.length;
    return largest > TOLERANCE * block;
  }

  /**
   * Rank {@code rank}'s 1D_Block rows of the dataset (only {@code columns}, {@code null}: all), read
   * from the row groups that hold them, registered as a distributed frame. Not collective.
   */
  static DataFrame block(ParquetDataset ds, List<String> columns, int p, int rank) {
    long n = ds.numRows();
    long from = BlockDistribution.start(n, p, rank);
    int count = BlockDistribution.count(n, p, rank);
    List<RowGroupRef> holding = new ArrayList<>();
    for (RowGroupRef g : ds.rowGroups()) {
      if (count > 0 && g.firstRow() < from + count && g.firstRow() + g.rowCount() > from) {
        holding.add(g);
      }
    }
    DataFrame groups = FrameIO.readParquet(ds, columns, holding);
    long skip = holding.isEmpty() ? 0 : from - holding.get(0).firstRow();
    DataFrame mine = groups.slice((int) skip, count);
    FrameCounters.add(FrameCounters.BALANCED_READ_ROWS, count);
    return Placements.register(mine, n, from);
  }
}

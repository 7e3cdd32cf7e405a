package dev.parjit.frame.dist;

import dev.parjit.frame.DataFrame;
import dev.parjit.mpi.Communicator;
import dev.parjit.runtime.BlockDistribution;
import java.util.List;

/**
 * Evens out the rows of a distributed read. Ranks read whole row groups, so a file with fewer row
 * groups than ranks, or groups of very different sizes, leaves some ranks with most of the rows (a
 * one-group file of a million points: every row on one rank, and every later step over that frame
 * runs on one core). When the largest share exceeds a block ({@code ceil(n / p)} rows, Bodo's
 * formula) by more than {@link #TOLERANCE}, the rows move once, each to its rank of the 1D_Block
 * distribution, in one all-to-all. Every rank knows every share from the footers, so all take the
 * same decision without a message.
 */
final class ReadBalance {

  /** How far the largest share may exceed a block before rows move (the read then stays as it is). */
  static final double TOLERANCE = 1.25;

  private ReadBalance() { }

  /**
   * Whether shares of these sizes (rows per rank, in rank order) are uneven enough to move rows: the
   * largest one more than {@link #TOLERANCE} blocks.
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
   * This rank's 1D_Block rows, given its local rows (global rows {@code [starts[rank], starts[rank] +
   * local rows)}) and every rank's first global row ({@code starts}, non-decreasing, shares contiguous
   * in rank order). Collective; the result is registered as a distributed frame.
   */
  static DataFrame toBlocks(DataFrame local, long[] starts, long globalRows) {
    Communicator c = FrameComm.comm();
    int p = c.size();
    int rank = c.rank();
    long mine = starts[rank];
    long myEnd = mine + local.numRows();
    DataFrame[] out = new DataFrame[p];
    for (int d = 0; d < p; d++) {
      long from = Math.max(mine, BlockDistribution.start(globalRows, p, d));
      long to = Math.min(myEnd, BlockDistribution.start(globalRows, p, d) + BlockDistribution.count(globalRows, p, d));
      out[d] = to > from ? local.slice((int) (from - mine), (int) (to - from)) : local.slice(0, 0);
    }
    List<DataFrame> received = FrameComm.alltoall(out);
    DataFrame block = DataFrame.concat(received.toArray(new DataFrame[0]));
    FrameCounters.add(FrameCounters.BALANCED_READ_ROWS, block.numRows());
    return Placements.register(block, globalRows, BlockDistribution.start(globalRows, p, rank));
  }
}

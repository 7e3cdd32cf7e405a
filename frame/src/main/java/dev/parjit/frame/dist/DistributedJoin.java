package dev.parjit.frame.dist;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.JoinType;
import dev.parjit.frame.Series;
import java.util.List;

/**
 * Joins with distributed data. A distributed left side and a replicated right side join locally
 * (a broadcast join: the right side is already everywhere) and keep the left side's order. Otherwise
 * both sides are shuffled by a stable hash of the keys, joined where they meet, and put back in the
 * sequential order — left row, then right row — by a distributed sort on the original row numbers.
 */
final class DistributedJoin {

  static final String LEFT_ROW = "__parjit_left";
  static final String RIGHT_ROW = "__parjit_right";

  private DistributedJoin() { }

  static DataFrame merge(DataFrame left, DataFrame right, JoinType how, String... on) {
    boolean leftDistributed = Placements.isDistributed(left);
    boolean rightDistributed = Placements.isDistributed(right);
    if (leftDistributed && !rightDistributed) {
      DataFrame local = left.merge(right, how, on);
      long[] p = FrameComm.placementOf(local.numRows());
      return Placements.register(local, p[1], p[0]);
    }
    DataFrame l = withRowNumbers(leftDistributed ? left : block(left), LEFT_ROW);
    DataFrame r = withRowNumbers(rightDistributed ? right : block(right), RIGHT_ROW);
    int p = FrameComm.comm().size();
    List<DataFrame> ls = FrameComm.alltoall(l.partitionByHash(on, p));
    List<DataFrame> rs = FrameComm.alltoall(r.partitionByHash(on, p));
    DataFrame joined = DataFrame.concat(ls.toArray(new DataFrame[0]))
        .merge(DataFrame.concat(rs.toArray(new DataFrame[0])), how, on);
    long[] placement = FrameComm.placementOf(joined.numRows());
    Placements.register(joined, placement[1], placement[0]);
    DataFrame ordered = DistributedSort.sortValues(joined, true, LEFT_ROW, RIGHT_ROW);
    DataFrame result = ordered.drop(LEFT_ROW, RIGHT_ROW);
    return Placements.register(result, Placements.globalRows(ordered), Placements.start(ordered));
  }

  /** This rank's block of a replicated frame, so each row is joined once. */
  static DataFrame block(DataFrame rep) {
    int n = rep.numRows();
    int p = FrameComm.comm().size();
    int rank = FrameComm.comm().rank();
    long blk = n / p;
    long rem = n % p;
    long start = rank * blk + Math.min(rank, rem);
    long count = blk + (rank < rem ? 1 : 0);
    return Placements.register(rep.slice((int) start, (int) count), n, start);
  }

  private static DataFrame withRowNumbers(DataFrame df, String name) {
    long start = Placements.start(df);
    long[] rows = new long[df.numRows()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = start + i;
    }
    return df.withColumn(name, Series.of(name, rows));
  }
}

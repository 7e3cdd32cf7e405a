package dev.parjit.frame.dist;

import dev.parjit.frame.DType;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.JoinType;
import dev.parjit.frame.Series;
import dev.parjit.frame.internal.FrameInternals;
import dev.parjit.frame.kernel.Vectors;
import dev.parjit.mpi.Communicator;
import dev.parjit.runtime.BlockDistribution;
import java.util.List;

/**
 * Joins with distributed data, in the sequential order (left row, then right row) without a global
 * sort where the plan allows ({@link JoinPlan} decides which runs):
 * <ul>
 *   <li>a replicated or broadcast right side: each rank joins its left rows with the whole right
 *       side, so the result keeps the left side's order as it is;</li>
 *   <li>a broadcast left side (inner joins): each rank joins the whole left side with its right
 *       rows; the matches, already ordered by left row, go to the rank owning their left row under
 *       the block formula, where a stable sort by left row number restores (left, right) order;</li>
 *   <li>otherwise both sides are shuffled by a stable hash of the keys (each row sent once),
 *       joined where they meet, and ordered by a distributed sort on the original row numbers.</li>
 * </ul>
 * The build and probe run on the key columns' primitive codes ({@code kernel.HashJoin}).
 */
final class DistributedJoin {

  static final String LEFT_ROW = "__parjit_left";
  static final String RIGHT_ROW = "__parjit_right";

  private DistributedJoin() { }

  static DataFrame merge(DataFrame left, DataFrame right, JoinType how, String... on) {
    boolean leftDistributed = Placements.isDistributed(left);
    boolean rightDistributed = Placements.isDistributed(right);
    long[] bytes = rightDistributed ? globalBytes(left, leftDistributed, right) : new long[2];
    JoinPlan plan = JoinPlan.choose(leftDistributed, rightDistributed, bytes[0], bytes[1], how, JoinPlan.threshold());
    return switch (plan) {
      case RIGHT_REPLICATED -> probe(leftDistributed ? left : block(left), right, how, on);
      case BROADCAST_RIGHT -> {
        DataFrame whole = (DataFrame) Replication.replicate(right);
        FrameCounters.add(FrameCounters.JOIN_BROADCAST_ROWS, whole.numRows());
        yield probe(leftDistributed ? left : block(left), whole, how, on);
      }
      case BROADCAST_LEFT -> broadcastLeft(leftDistributed ? (DataFrame) Replication.replicate(left) : left, right, on);
      case SHUFFLE -> shuffle(leftDistributed ? left : block(left), rightDistributed ? right : block(right), how, on);
    };
  }

  /** {left, right} global bytes, by one allreduce: a replicated side counts once (rank 0's). */
  private static long[] globalBytes(DataFrame left, boolean leftDistributed, DataFrame right) {
    Communicator c = FrameComm.comm();
    long[] sizes = {leftDistributed || c.rank() == 0 ? bytesOf(left) : 0, bytesOf(right)};
    c.allreduceInPlace(sizes, dev.parjit.mpi.ReduceOp.SUM);
    return sizes;
  }

  /**
   * What a frame's columns hold in Arrow buffers: what sending it whole costs. Fixed-width columns
   * are counted from their dtype (values and validity bitmap, as Arrow sizes them), so a file-backed
   * or filtered frame is not decoded or copied just to be measured; strings need their offsets.
   */
  static long bytesOf(DataFrame df) {
    long rows = df.numRows();
    long bitmap = (rows + 7) / 8;
    long total = 0;
    for (String name : df.columns()) {
      DType t = df.dtype(name);
      int width = Vectors.width(t);
      if (width > 0) {
        total += rows * width + bitmap;
      } else if (t == DType.BOOL) {
        total += 2 * bitmap;
      } else {
        total += df.column(name).arrowVector().getBufferSize();
      }
    }
    return total;
  }

  /** This rank's left rows joined with a right side every rank holds whole: left order kept. */
  private static DataFrame probe(DataFrame leftChunk, DataFrame wholeRight, JoinType how, String[] on) {
    FrameCounters.add(FrameCounters.JOIN_PROBED_ROWS, leftChunk.numRows());
    DataFrame local = leftChunk.merge(wholeRight, how, on);
    long[] p = FrameComm.placementOf(local.numRows());
    return Placements.register(local, p[1], p[0]);
  }

  /**
   * The whole left side (every rank holds it) joined with this rank's right rows. A left row's
   * matches are spread over the ranks holding its right rows; they meet on the rank that owns the
   * left row under the block formula, arriving in rank order (= right row order) from each sender
   * in left row order, so a stable sort by left row gives the sequential order.
   */
  private static DataFrame broadcastLeft(DataFrame wholeLeft, DataFrame rightChunk, String[] on) {
    FrameCounters.add(FrameCounters.JOIN_BROADCAST_ROWS, wholeLeft.numRows());
    FrameCounters.add(FrameCounters.JOIN_PROBED_ROWS, rightChunk.numRows());
    DataFrame tagged = withRowNumbers(wholeLeft, 0, LEFT_ROW);
    DataFrame matches = tagged.merge(rightChunk, JoinType.INNER, on); // ordered by left row
    int p = FrameComm.comm().size();
    long[] leftRows = matches.column(LEFT_ROW).toLongArray();
    DataFrame[] pieces = new DataFrame[p];
    int from = 0;
    for (int d = 0; d < p; d++) {
      long end = BlockDistribution.start(wholeLeft.numRows(), p, d + 1); // first left row of rank d + 1
      int to = d + 1 < p ? firstAtLeast(leftRows, from, end) : leftRows.length;
      pieces[d] = matches.slice(from, to - from);
      from = to;
    }
    List<DataFrame> received = FrameComm.alltoall(pieces);
    DataFrame mine = DataFrame.concat(received.toArray(new DataFrame[0]));
    DataFrame ordered = mine.sortValues(true, LEFT_ROW).drop(LEFT_ROW);
    long[] placement = FrameComm.placementOf(ordered.numRows());
    return Placements.register(ordered, placement[1], placement[0]);
  }

  /** The first index in {@code sorted[from..]} holding a value {@code >= bound}. */
  private static int firstAtLeast(long[] sorted, int from, long bound) {
    int lo = from;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < bound) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Both sides shuffled by key hash (every row sent once), joined, then put in sequential order. */
  private static DataFrame shuffle(DataFrame left, DataFrame right, JoinType how, String[] on) {
    DataFrame l = withRowNumbers(left, Placements.start(left), LEFT_ROW);
    DataFrame r = withRowNumbers(right, Placements.start(right), RIGHT_ROW);
    int p = FrameComm.comm().size();
    List<DataFrame> ls = FrameComm.alltoall(FrameInternals.partitionByHash(l, on, p));
    List<DataFrame> rs = FrameComm.alltoall(FrameInternals.partitionByHash(r, on, p));
    DataFrame leftHere = DataFrame.concat(ls.toArray(new DataFrame[0]));
    DataFrame rightHere = DataFrame.concat(rs.toArray(new DataFrame[0]));
    FrameCounters.add(FrameCounters.JOIN_SHUFFLED_ROWS, leftHere.numRows() + rightHere.numRows());
    DataFrame joined = leftHere.merge(rightHere, how, on);
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
    long start = BlockDistribution.start(n, p, rank);
    int count = BlockDistribution.count(n, p, rank);
    return Placements.register(rep.slice((int) start, count), n, start);
  }

  private static DataFrame withRowNumbers(DataFrame df, long start, String name) {
    long[] rows = new long[df.numRows()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = start + i;
    }
    return df.withColumn(name, Series.of(name, rows));
  }
}

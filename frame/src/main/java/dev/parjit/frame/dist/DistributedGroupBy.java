package dev.parjit.frame.dist;

import dev.parjit.frame.Agg;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.GroupBy;
import dev.parjit.frame.internal.FrameInternals;
import dev.parjit.runtime.BlockDistribution;
import java.util.List;

/**
 * A distributed group-by: each rank pre-aggregates its chunk into partials (one row per local
 * group, sorted by key), then the partials meet in one of two ways, chosen alike on every rank by
 * their encoded size over all ranks ({@link #gatherBytes}):
 * <ul>
 *   <li>few groups (the usual case: a key of thousands of values): one allgather of the partials,
 *       every rank combines them all and keeps its 1D_Block of the combined groups. Two collectives
 *       (the sizes, which decide, then the bytes) instead of the shuffle's six, and no sampling:
 *       combining a few thousand groups twice costs less than one more exchange.</li>
 *   <li>many groups: the partials are shuffled by key <em>range</em> (splitters sampled from every
 *       rank's partial keys; one all-to-all, so every group meets on one rank) and combined there.
 *       The ranks hold ascending ranges, so the result is already in pandas' sorted-by-key order
 *       across ranks.</li>
 * </ul>
 * Either way a group's partials are combined in rank order, so both give the same numbers, and
 * the result stays distributed (1D_Var).
 */
final class DistributedGroupBy {

  /** System property: the most bytes of partials, over all ranks, gathered on every rank (-1: never). */
  static final String GATHER_PROPERTY = "parjit.groupByGatherBytes";
  /** About 80,000 groups of one key and one mean: combined on every rank in a few milliseconds. */
  static final long DEFAULT_GATHER_BYTES = 2L << 20;

  private DistributedGroupBy() { }

  static DataFrame agg(GroupBy groups, Agg... aggs) {
    String[] keys = groups.keys().toArray(new String[0]);
    FrameCounters.add(FrameCounters.GROUPED_ROWS, dev.parjit.runtime.DistributedArrays.lookup(groups).localLength());
    DataFrame partials = FrameInternals.partials(groups, aggs);
    List<DataFrame> everyRank = FrameComm.allgatherAtMost(partials, gatherBytes());
    if (everyRank != null) {
      FrameCounters.add(FrameCounters.GROUP_PARTIALS_GATHERED, partials.numRows());
      return blockOf(combine(everyRank, keys, aggs));
    }
    FrameCounters.add(FrameCounters.GROUP_PARTIALS_SHUFFLED, partials.numRows());
    List<DataFrame> received = FrameComm.alltoall(DistributedSort.rangePieces(partials, keys));
    DataFrame combined = combine(received, keys, aggs);
    long[] placement = FrameComm.placementOf(combined.numRows());
    return Placements.register(combined, placement[1], placement[0]);
  }

  private static DataFrame combine(List<DataFrame> partials, String[] keys, Agg[] aggs) {
    return FrameInternals.combinePartials(DataFrame.concat(partials.toArray(new DataFrame[0])), keys, aggs);
  }

  /** This rank's 1D_Block of a result every rank holds whole: no collective needed to place it. */
  private static DataFrame blockOf(DataFrame whole) {
    long n = whole.numRows();
    int p = FrameComm.comm().size();
    int r = FrameComm.comm().rank();
    long start = BlockDistribution.start(n, p, r);
    try (whole) {
      return Placements.register(whole.slice((int) start, BlockDistribution.count(n, p, r)), n, start);
    }
  }

  /** The gather threshold in force (the property, read at each group-by so a test can change it). */
  static long gatherBytes() {
    String v = System.getProperty(GATHER_PROPERTY);
    if (v == null || v.isBlank()) {
      return DEFAULT_GATHER_BYTES;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(GATHER_PROPERTY + " must be a number of bytes, not '" + v + "'");
    }
  }
}

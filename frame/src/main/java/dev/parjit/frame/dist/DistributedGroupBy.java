package dev.parjit.frame.dist;

import dev.parjit.frame.Agg;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.GroupBy;
import dev.parjit.frame.internal.FrameInternals;
import java.util.List;

/**
 * A distributed group-by: each rank pre-aggregates its chunk into partials (one row per local
 * group), partials are shuffled by key <em>range</em> (splitters sampled from every rank's partial
 * keys; one all-to-all, so every group meets on one rank), and combined there. Combining sorts a
 * rank's groups by key and the ranks hold ascending ranges, so the result is already in pandas'
 * sorted-by-key order across ranks: no second shuffle to sort it. It stays distributed (1D_Var).
 */
final class DistributedGroupBy {

  private DistributedGroupBy() { }

  static DataFrame agg(GroupBy groups, Agg... aggs) {
    String[] keys = groups.keys().toArray(new String[0]);
    FrameCounters.add(FrameCounters.GROUPED_ROWS, dev.parjit.runtime.DistributedArrays.lookup(groups).localLength());
    DataFrame partials = FrameInternals.partials(groups, aggs);
    List<DataFrame> received = FrameComm.alltoall(DistributedSort.rangePieces(partials, keys));
    DataFrame combined = FrameInternals.combinePartials(DataFrame.concat(received.toArray(new DataFrame[0])), keys, aggs);
    long[] placement = FrameComm.placementOf(combined.numRows());
    return Placements.register(combined, placement[1], placement[0]);
  }
}

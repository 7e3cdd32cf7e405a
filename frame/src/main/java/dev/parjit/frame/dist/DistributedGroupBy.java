package dev.parjit.frame.dist;

import dev.parjit.frame.Agg;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.GroupBy;
import java.util.List;

/**
 * A distributed group-by: each rank pre-aggregates its chunk into partials (one row per local
 * group), partials are shuffled by a stable hash of the keys (one all-to-all, so every group meets
 * on one rank), combined there, and the groups are sorted by key across ranks as pandas sorts
 * them. The result stays distributed (1D_Var).
 */
final class DistributedGroupBy {

  private DistributedGroupBy() { }

  static DataFrame agg(GroupBy groups, Agg... aggs) {
    String[] keys = groups.keys().toArray(new String[0]);
    DataFrame partials = groups.partials(aggs);
    int p = FrameComm.comm().size();
    List<DataFrame> received = FrameComm.alltoall(partials.partitionByHash(keys, p));
    DataFrame combined = GroupBy.combinePartials(DataFrame.concat(received.toArray(new DataFrame[0])), keys, aggs);
    long[] placement = FrameComm.placementOf(combined.numRows());
    Placements.register(combined, placement[1], placement[0]);
    return DistributedSort.sortValues(combined, true, keys);
  }
}

package dev.parjit.frame.dist;

import dev.parjit.frame.Agg;
import dev.parjit.frame.DType;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import dev.parjit.frame.internal.FrameInternals;
import dev.parjit.frame.kernel.ColumnStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reductions of distributed data: each rank summarises its chunk in mergeable {@link ColumnStats},
 * one allgather brings every rank's partials, and every rank merges them in rank order — so all
 * ranks hold the same (REP) answer, equal to the sequential one up to floating-point summation order.
 */
final class DistributedReductions {

  private DistributedReductions() { }

  /** {@code df.sum()} and friends: a small REP Series indexed by column name. */
  static Series reduce(DataFrame df, Agg.Kind kind) {
    Map<String, ColumnStats> local = FrameInternals.columnStats(df, kind);
    List<String> names = new ArrayList<>(local.keySet());
    List<DType> types = new ArrayList<>();
    names.forEach(n -> types.add(df.dtype(n)));
    List<ColumnStats> merged = merge(new ArrayList<>(local.values()));
    return FrameInternals.finishReduction(kind, names, types, merged);
  }

  /** A distributed Series' statistics over all ranks. */
  static ColumnStats stats(Series s) {
    return merge(List.of(FrameInternals.stats(s))).get(0);
  }

  /** Merges each column's partials over the ranks, in rank order. */
  static List<ColumnStats> merge(List<ColumnStats> local) {
    int w = ColumnStats.WIDTH;
    double[] mine = new double[local.size() * w];
    for (int c = 0; c < local.size(); c++) {
      System.arraycopy(local.get(c).toDoubles(), 0, mine, c * w, w);
    }
    double[] all = FrameComm.comm().allgatherv(mine);
    int ranks = mine.length == 0 ? 0 : all.length / mine.length;
    List<ColumnStats> out = new ArrayList<>(local.size());
    for (int c = 0; c < local.size(); c++) {
      ColumnStats acc = null;
      for (int r = 0; r < ranks; r++) {
        ColumnStats part = ColumnStats.fromDoubles(all, r * mine.length + c * w);
        acc = acc == null ? part : acc.merge(part);
      }
      out.add(acc);
    }
    return out;
  }
}

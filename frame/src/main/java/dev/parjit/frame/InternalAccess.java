package dev.parjit.frame;

import dev.parjit.frame.internal.FrameInternals;
import dev.parjit.frame.internal.RemoteFrame;
import dev.parjit.frame.kernel.ColumnBatches;
import dev.parjit.frame.kernel.ColumnStats;
import dev.parjit.frame.kernel.ColumnStatsSource;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** The frame package's side of {@link FrameInternals}: its package-private operations, handed out once. */
final class InternalAccess implements FrameInternals.Access {

  @Override
  public DataFrame deferred(List<String> names, List<DType> types, int rows, IntFunction<Series> loader,
      ColumnStatsSource stats, ColumnBatches batches) {
    return DataFrame.deferred(names, types, rows, loader, stats, batches);
  }

  @Override
  public DataFrame remote(List<String> names, List<DType> types, int rows, RemoteFrame remote) {
    return DataFrame.remote(names, types, rows, remote);
  }

  @Override
  public RemoteFrame remoteSource(DataFrame df) {
    return df.remoteSource();
  }

  @Override
  public boolean isLazy(DataFrame df) {
    return df.isLazy();
  }

  @Override
  public DataFrame takeRows(DataFrame df, int[] rows) {
    return df.takeRows(rows);
  }

  @Override
  public DataFrame[] partitionByHash(DataFrame df, String[] keys, int parts) {
    return df.partitionByHash(keys, parts);
  }

  @Override
  public Map<String, ColumnStats> columnStats(DataFrame df, Agg.Kind kind) {
    return df.columnStats(kind);
  }

  @Override
  public Series finishReduction(Agg.Kind kind, List<String> names, List<DType> dtypes, List<ColumnStats> stats) {
    return DataFrame.finishReduction(kind, names, dtypes, stats);
  }

  @Override
  public ColumnStats stats(Series s) {
    return s.stats();
  }

  @Override
  public IndexOutOfBoundsException rowOutOfRange(Series s, long row, long size) {
    return s.rowOutOfRange(row, size);
  }

  @Override
  public DataFrame partials(GroupBy groups, Agg... aggs) {
    return groups.partials(aggs);
  }

  @Override
  public DataFrame combinePartials(DataFrame partials, String[] keys, Agg... aggs) {
    return GroupBy.combinePartials(partials, keys, aggs);
  }
}

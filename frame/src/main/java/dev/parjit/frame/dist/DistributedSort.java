package dev.parjit.frame.dist;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import dev.parjit.frame.internal.FrameInternals;
import dev.parjit.frame.kernel.Sorting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A distributed sample sort giving exactly the sequential stable order: rows are ordered by the
 * sort keys, then by their global row number (the stable tie-break, negated for a descending
 * sort so that one direction serves both). Each rank sorts its chunk, contributes evenly spaced
 * samples, every rank picks the same splitters from the gathered samples, rows go to the rank of
 * their range (one all-to-all), and each rank sorts what it received. The result is 1D_Var.
 */
final class DistributedSort {

  static final String ROW = "__parjit_row";

  private DistributedSort() { }

  static DataFrame sortValues(DataFrame df, boolean ascending, String... by) {
    if (by.length == 0) {
      throw new IllegalArgumentException("sortValues needs at least one column");
    }
    long start = Placements.start(df);
    FrameCounters.add(FrameCounters.SORTED_ROWS, df.numRows());
    long[] rows = new long[df.numRows()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = ascending ? start + i : -(start + i);
    }
    DataFrame tagged = df.withColumn(ROW, Series.of(ROW, rows));
    String[] keys = Arrays.copyOf(by, by.length + 1);
    keys[by.length] = ROW;
    // The local sorts need not sort by the row numbers: the argsort is stable and its input is in row
    // order (a chunk; then the pieces received, in rank order, each in (key, row) order), so equal
    // keys stay in row order. The row numbers only split runs of equal keys between ranks.
    DataFrame sorted = sortedBy(tagged, ascending, by);
    int p = FrameComm.comm().size();
    DataFrame[] pieces = split(sorted, splitters(sorted, ascending, keys, p), ascending, keys, p);
    List<DataFrame> received = FrameComm.alltoall(pieces);
    // Each piece arrives sorted (a range of a sender's sorted chunk), pieces in rank order, which is
    // row order for equal keys: merging the runs gives the stable order without sorting again.
    int[] runStarts = new int[received.size()];
    for (int r = 1; r < runStarts.length; r++) {
      runStarts[r] = runStarts[r - 1] + received.get(r - 1).numRows();
    }
    DataFrame all = DataFrame.concat(received.toArray(new DataFrame[0]));
    DataFrame mine = FrameInternals.takeRows(all, Sorting.mergeRuns(vectors(all, by), ascending, runStarts)).drop(ROW);
    long[] placement = FrameComm.placementOf(mine.numRows());
    return Placements.register(mine, placement[1], placement[0]);
  }

  /**
   * {@code df} cut into {@code p} pieces by ascending ranges of {@code keys}, the ranges the same on
   * every rank (splitters from every rank's samples): piece {@code d} goes to rank {@code d}, so
   * after one all-to-all each rank holds a contiguous key range, ranks in key order, and equal keys
   * from every rank meet on one rank. Rows are not tagged with row numbers: for keys that are unique
   * per rank (group-by partials) the order within a key does not matter.
   */
  static DataFrame[] rangePieces(DataFrame df, String[] keys) {
    int p = FrameComm.comm().size();
    DataFrame sorted = sortedBy(df, true, keys);
    return split(sorted, splitters(sorted, true, keys, p), true, keys, p);
  }

  static DataFrame sortedBy(DataFrame df, boolean ascending, String[] keys) {
    return FrameInternals.takeRows(df, Sorting.argsort(vectors(df, keys), ascending));
  }

  /** The key columns' vectors; callers keep {@code df} reachable while they use them. */
  private static List<FieldVector> vectors(DataFrame df, String[] keys) {
    List<FieldVector> out = new ArrayList<>(keys.length);
    for (String k : keys) {
      out.add(df.column(k).arrowVector());
    }
    return out;
  }

  /** {@code p - 1} splitter rows, the same on every rank, from samples of every rank's sorted chunk. */
  private static DataFrame splitters(DataFrame sorted, boolean ascending, String[] keys, int p) {
    int n = sorted.numRows();
    int perRank = Math.min(n, 4 * p); // oversampling keeps the parts balanced
    int[] picks = new int[perRank];
    for (int k = 0; k < perRank; k++) {
      picks[k] = (int) ((k + 0.5) * n / perRank);
    }
    DataFrame samples = FrameInternals.takeRows(sorted.select(keys), picks);
    DataFrame all = sortedBy(DataFrame.concat(FrameComm.allgather(samples).toArray(new DataFrame[0])), ascending, keys);
    int m = all.numRows();
    int[] chosen = new int[m == 0 ? 0 : p - 1];
    for (int k = 0; k < chosen.length; k++) {
      chosen[k] = (int) ((long) (k + 1) * m / p);
      chosen[k] = Math.min(chosen[k], m - 1);
    }
    return FrameInternals.takeRows(all, chosen);
  }

  /**
   * Cuts the sorted chunk at the splitters: a row goes to the number of splitters ordered before it.
   * Found by sorting rows and splitters together (rows first, so a row equal to a splitter stays
   * below it) with the same ordering code as every other sort here.
   */
  private static DataFrame[] split(DataFrame sorted, DataFrame splitters, boolean ascending, String[] keys, int p) {
    int n = sorted.numRows();
    DataFrame[] out = new DataFrame[p];
    if (splitters.numRows() == 0) {
      out[0] = sorted;
      for (int d = 1; d < p; d++) {
        out[d] = sorted.slice(0, 0);
      }
      return out;
    }
    DataFrame both = DataFrame.concat(sorted.select(keys), splitters);
    int[] order = Sorting.argsort(vectors(both, keys), ascending);
    // The vectors belong to 'both': keep it (and so them) alive until the sort is done.
    java.lang.ref.Reference.reachabilityFence(both);
    int[] bounds = new int[p + 1];
    int seen = 0;
    int rowsBefore = 0;
    for (int idx : order) {
      if (idx >= n) {
        seen++;
        bounds[seen] = rowsBefore;
      } else {
        rowsBefore++;
      }
    }
    for (int d = seen + 1; d <= p; d++) {
      bounds[d] = n;
    }
    bounds[p] = n;
    for (int d = 0; d < p; d++) {
      out[d] = sorted.slice(bounds[d], bounds[d + 1] - bounds[d]);
    }
    return out;
  }
}

package dev.parjit.frame.dist;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import dev.parjit.frame.internal.FrameInternals;
import dev.parjit.frame.kernel.KeyOrder;
import dev.parjit.frame.kernel.Sorting;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.vector.FieldVector;

/**
 * A cut of the global sort order into one contiguous range per rank: {@code p - 1} splitter rows,
 * the same on every rank, chosen from samples of every rank's rows. Rank {@code d} receives the
 * rows with exactly {@code d} splitters before them. With row numbers (a sort) the order is the
 * keys and then the global row number, a total order, so runs of equal keys may be split between
 * ranks and the parts stay balanced even when every key is equal; without them (a group-by's
 * partials) a row equal to a splitter goes below it, so equal keys from every rank meet on one rank.
 * The splitters decide only how balanced the parts are, never the result's order.
 */
final class RangePartition {

  /** Samples per rank on average (each rank in proportion to its rows): a few percent imbalance. */
  static final int SAMPLES_PER_RANK = 1024;
  /** Column carrying a sample's global row number next to its keys. */
  private static final String ROW = "__parjit_row";

  private final KeyOrder splitters;
  /** Global row number of each splitter, or null when rows do not break ties. */
  private final long[] splitterRows;

  private RangePartition(KeyOrder splitters, long[] splitterRows) {
    this.splitters = splitters;
    this.splitterRows = splitterRows;
  }

  /**
   * Splitters for {@code chunk}'s rows ordered by {@code keys} in the given direction; one
   * collective (an allgather of the samples). {@code firstRow} is the chunk's first global row when
   * rows break ties, or negative when they do not; {@code globalRows} the rows of all chunks, so each
   * rank samples in proportion to its rows (equal sample counts would weigh a small chunk's rows
   * more and unbalance the parts).
   */
  static RangePartition choose(DataFrame chunk, String[] keys, boolean ascending, long firstRow, long globalRows) {
    int p = FrameComm.comm().size();
    int n = chunk.numRows();
    int sampleCount = n == 0 ? 0 : (int) Math.min(n, (n * (long) SAMPLES_PER_RANK * p + globalRows - 1) / globalRows);
    int[] picks = samplePositions(n, sampleCount, FrameComm.comm().rank());
    DataFrame samples = FrameInternals.takeRows(chunk.select(keys), picks);
    if (firstRow >= 0) {
      long[] rows = new long[picks.length];
      for (int i = 0; i < picks.length; i++) {
        rows[i] = firstRow + picks[i];
      }
      samples = samples.withColumn(ROW, Series.of(ROW, rows));
    }
    // The pooled samples are in global row order (ranks in order, each rank's picks ascending), so
    // the stable sort by the keys alone puts equal keys in row order: the (keys, row) order.
    DataFrame pooled = DataFrame.concat(FrameComm.allgather(samples).toArray(new DataFrame[0]));
    int[] order = Sorting.argsort(vectors(pooled, keys), ascending);
    int m = order.length;
    int count = m == 0 ? 0 : p - 1;
    int[] chosen = new int[count];
    for (int k = 0; k < count; k++) {
      chosen[k] = order[(int) ((long) (k + 1) * m / p)];
    }
    DataFrame cut = FrameInternals.takeRows(pooled, chosen);
    long[] rows = firstRow >= 0 ? cut.column(ROW).toLongArray() : null;
    try {
      return new RangePartition(KeyOrder.of(vectors(cut, keys), ascending), rows);
    } finally {
      java.lang.ref.Reference.reachabilityFence(cut); // KeyOrder.of reads its vectors
    }
  }

  /**
   * {@code s <= n} ascending row positions, one at random in each of {@code s} equal strata: random
   * rather than evenly spaced, so periodic data cannot fool the sample; a fixed seed per rank, so a
   * run is reproducible.
   */
  static int[] samplePositions(int n, int s, int rank) {
    int[] picks = new int[s];
    SplittableRandom random = new SplittableRandom(0x5EED_0000L + rank);
    for (int k = 0; k < s; k++) {
      long from = (long) k * n / s;
      long to = (long) (k + 1) * n / s; // > from, as s <= n
      picks[k] = (int) (from + random.nextLong(to - from));
    }
    return picks;
  }

  /**
   * The rank each row of a chunk goes to: the number of splitters before it. {@code rows} is the
   * chunk's order by the same keys and direction as the splitters'; {@code firstRow} its first
   * global row (ignored when rows do not break ties).
   */
  int[] destinations(KeyOrder rows, int n, long firstRow) {
    return splitters.countBefore(rows, n, splitterRows, firstRow);
  }

  /**
   * {@code chunk} cut into {@code p} pieces, piece {@code d} holding the rows going to rank
   * {@code d} in their order in the chunk (so pieces received from ranks in rank order are in
   * global row order). One gather of the rows grouped by destination, skipped when they already
   * are (a sorted input, or one rank); the pieces are views of it.
   */
  static DataFrame[] pieces(DataFrame chunk, int[] dest, int p) {
    RowsByDestination groups = RowsByDestination.of(dest, p);
    DataFrame source = groups.rows() == null ? chunk : FrameInternals.takeRows(chunk, groups.rows());
    DataFrame[] out = new DataFrame[p];
    for (int d = 0; d < p; d++) {
      out[d] = source.slice(groups.from(d), groups.to(d) - groups.from(d));
    }
    return out;
  }

  /** The named columns' vectors; callers keep {@code df} reachable while they use them. */
  static List<FieldVector> vectors(DataFrame df, String[] names) {
    List<FieldVector> out = new ArrayList<>(names.length);
    for (String name : names) {
      out.add(df.column(name).arrowVector());
    }
    return out;
  }
}

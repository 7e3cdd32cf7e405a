package dev.parjit.frame.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import dev.parjit.runtime.BlockDistribution;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code head}/{@code tail} of distributed data, each rank's piece taken in turn in this process:
 * the pieces, in rank order, are the sequential result for every count, negative ones included
 * (all but the last/first {@code -k} rows, as pandas and the sequential frame).
 */
class DistributedRowsTest {

  private static DataFrame counting(int n) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = 10L * i;
    }
    return DataFrame.of("v", v);
  }

  private static List<Long> values(DataFrame df) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < df.numRows(); i++) {
      out.add(df.column("v").getLong(i));
    }
    return out;
  }

  @Test
  void piecesOfHeadAndTailAreTheSequentialRowsForEveryCount() {
    for (int n : new int[] {0, 1, 2, 7}) {
      DataFrame whole = counting(n);
      for (int ranks = 1; ranks <= 4; ranks++) {
        for (int k : new int[] {0, 1, 3, n, n + 5, -1, -3, -n, -n - 5, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
          List<Long> heads = new ArrayList<>();
          List<Long> tails = new ArrayList<>();
          long headRows = -1;
          long tailRows = -1;
          for (int r = 0; r < ranks; r++) {
            int start = (int) BlockDistribution.start(n, ranks, r);
            int count = (int) BlockDistribution.count(n, ranks, r);
            DataFrame head = DistributedRows.head(Placements.register(whole.slice(start, count), n, start), k);
            DataFrame tail = DistributedRows.tail(Placements.register(whole.slice(start, count), n, start), k);
            heads.addAll(values(head));
            tails.addAll(values(tail));
            headRows = Placements.globalRows(head);
            tailRows = Placements.globalRows(tail);
          }
          String where = n + " rows on " + ranks + " ranks, k = " + k;
          assertEquals(values(whole.head(k)), heads, "head, " + where);
          assertEquals(values(whole.tail(k)), tails, "tail, " + where);
          assertEquals(whole.head(k).numRows(), headRows, "head's global rows, " + where);
          assertEquals(whole.tail(k).numRows(), tailRows, "tail's global rows, " + where);
        }
      }
    }
  }

  @Test
  void aSeriesPieceKeepsItsShareOfANegativeHead() {
    Series s = Series.of("v", new double[] {1, 2, 3, 4, 5});
    // rank 1 of 2 holds rows 3..4 of 5: head(-2) keeps rows 0..2, none of them here
    Series piece = Placements.register(s.slice(3, 2), 5, 3);
    assertEquals(0, DistributedRows.head(piece, -2).size());
    assertEquals(2, DistributedRows.tail(piece, -2).size());
  }
}

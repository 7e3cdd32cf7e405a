package dev.parjit.frame.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.JoinType;
import dev.parjit.frame.internal.FrameInternals;
import dev.parjit.runtime.SimulatedRanks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code FrameComm.exchangeRows} on simulated ranks: each rank ends with the rows sent to it, from
 * ranks in rank order, each rank's in its chunk order, every dtype and null intact; chunks of
 * different sizes (none on some ranks), rows sent at random, all to one rank, or each kept.
 */
class ExchangeRowsTest {

  /** Every dtype, Arrow nulls in every column but the first on some rows. */
  private static DataFrame table(int n, int seed) {
    Random rnd = new Random(seed);
    double[] d = new double[n];
    long[] l = new long[n];
    int[] i32 = new int[n];
    boolean[] b = new boolean[n];
    String[] s = new String[n];
    long[] key = new long[n];
    for (int i = 0; i < n; i++) {
      d[i] = rnd.nextInt(5) == 0 ? Double.NaN : rnd.nextGaussian();
      l[i] = rnd.nextLong();
      i32[i] = rnd.nextInt();
      b[i] = rnd.nextBoolean();
      s[i] = rnd.nextInt(6) == 0 ? null : "r" + seed + "-" + i + (i % 3 == 0 ? "é" : "");
      key[i] = rnd.nextInt(7) == 0 ? -1 : i;
    }
    DataFrame values = DataFrame.builder().add("key", key).add("d", d).add("l", l).add("i", i32).add("b", b).add("s", s).build();
    long[] all = new long[n];
    for (int i = 0; i < n; i++) all[i] = i;
    // Rows whose key is -1 find no match: nulls in every column taken from the right side.
    return DataFrame.of("row", all).merge(values.select("key", "d", "l", "i", "b", "s").withColumn("row", values.column("key")),
        JoinType.LEFT, "row").select("row", "d", "l", "i", "b", "s");
  }

  private enum Routing { RANDOM, ALL_TO_LAST, KEEP }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void everyRankGetsItsRowsInRankThenRowOrder(int p) throws Exception {
    for (Routing routing : Routing.values()) {
      for (int sizes = 0; sizes < 4; sizes++) {
        DataFrame[] chunks = new DataFrame[p];
        int[][] dest = new int[p][];
        Random rnd = new Random(sizes * 31 + p);
        for (int r = 0; r < p; r++) {
          int n = sizes == 0 ? 0 : sizes == 1 ? r % 2 * 9 : sizes == 2 ? r * 37 + 1 : 300 + r;
          chunks[r] = table(n, r + 10 * sizes);
          dest[r] = new int[n];
          for (int i = 0; i < n; i++) {
            dest[r][i] = switch (routing) {
              case RANDOM -> rnd.nextInt(p);
              case ALL_TO_LAST -> p - 1;
              case KEEP -> r;
            };
          }
        }
        List<DataFrame> got = SimulatedRanks.run(p, r -> FrameComm.exchangeRows(chunks[r], dest[r]));
        for (int d = 0; d < p; d++) {
          List<DataFrame> expected = new ArrayList<>();
          for (int r = 0; r < p; r++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < dest[r].length; i++) {
              if (dest[r][i] == d) rows.add(i);
            }
            expected.add(FrameInternals.takeRows(chunks[r], rows.stream().mapToInt(Integer::intValue).toArray()));
          }
          DataFrame want = DataFrame.concat(expected.toArray(new DataFrame[0]));
          String what = routing + ", sizes " + sizes + ", rank " + d + " of " + p;
          assertEquals(want, got.get(d), what);
          assertEquals(want.toString(), got.get(d).toString(), what);
        }
      }
    }
  }
}

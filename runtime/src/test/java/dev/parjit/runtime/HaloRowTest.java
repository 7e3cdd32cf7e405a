package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fixed row fetched for a loop over rows ({@link Halo#exchangeRow}) on 1–4 simulated ranks, the array in
 * blocks of whole rows: every rank with rows to run reads the row's elements, wherever it lies (its own
 * block, a neighbour's, a far rank's); a row outside the array or not below the width fails on every rank.
 */
class HaloRowTest {

  private static double[] global(int n) {
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = i * 0.25 - 3;
    }
    return g;
  }

  /** This rank's block of whole rows of {@code k}, registered at its global start. */
  private static double[] block(double[] g, int rows, int k, int p, int r) {
    int start = (int) BlockDistribution.start(rows, p, r) * k;
    double[] chunk = Arrays.copyOfRange(g, start, start + (int) BlockDistribution.count(rows, p, r) * k);
    DistributedArrays.register(chunk, g.length, start);
    return chunk;
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void everyRankReadsTheFixedRow(int p) throws Exception {
    for (int k : new int[] {1, 2, 3, 5}) {
      for (int rows : new int[] {1, 2, 3, 5, 9}) {
        double[] g = global(rows * k);
        for (int row = 0; row < Math.min(rows, k); row++) {
          int fixed = row;
          List<Integer> read = SimulatedRanks.run(p, r -> {
            double[] chunk = block(g, rows, k, p, r);
            Halo h = Halo.exchangeRow(chunk, fixed, k, fixed + 1, rows);
            int own = (int) BlockDistribution.count(rows, p, r);
            if (own == 0 || fixed + 1 >= rows) {
              return 0;
            }
            for (int j = 0; j < k; j++) {
              assertEquals(g[fixed * k + j], Halo.read(chunk, fixed * k + j, h), "row " + fixed + " column " + j);
            }
            return k;
          });
          assertEquals(p, read.size());
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void aRowOutsideTheArrayOrPastTheWidthFailsOnEveryRank(int p) throws Exception {
    int k = 3;
    int rows = 5;
    double[] g = global(rows * k);
    for (int row : new int[] {-1, 3, 4, 5, Integer.MAX_VALUE}) {
      List<Boolean> failed = SimulatedRanks.run(p, r -> {
        double[] chunk = block(g, rows, k, p, r);
        assertThrows(IllegalStateException.class, () -> Halo.exchangeRow(chunk, row, k, 0, rows));
        return true;
      });
      assertEquals(p, failed.size(), "row " + row);
    }
    List<Boolean> failed = SimulatedRanks.run(p, r -> {
      assertThrows(IllegalStateException.class, () -> Halo.exchangeRow(null, 0, k, 0, rows));
      return true;
    });
    assertEquals(p, failed.size(), "a null array");
  }
}

package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HaloMemo} on 1–4 simulated ranks: a CSR product repeated with a changing vector reads what
 * the sequential product reads at every repetition, while the matrix's exchanges and the vector's
 * plan run once (the later repetitions cost one collective each); a new range or a new vector
 * starts afresh on every rank alike; a column index past the vector still fails at its read.
 */
class HaloMemoTest {

  /** A banded pattern: row i names columns i - 2, i, i + 3 when inside [0, n). {rowptr, col}. */
  private static int[][] banded(int n) {
    int[] rowptr = new int[n + 1];
    int[] col = new int[3 * n];
    int nnz = 0;
    for (int i = 0; i < n; i++) {
      for (int j : new int[] {i - 2, i, i + 3}) {
        if (j >= 0 && j < n) {
          col[nnz++] = j;
        }
      }
      rowptr[i + 1] = nnz;
    }
    return new int[][] {rowptr, Arrays.copyOf(col, nnz)};
  }

  private static int[] chunk(int[] whole, int p, int r) {
    int s = (int) BlockDistribution.start(whole.length, p, r);
    int[] c = Arrays.copyOfRange(whole, s, (int) BlockDistribution.end(whole.length, p, r));
    DistributedArrays.register(c, whole.length, s);
    return c;
  }

  private static double[] chunk(double[] whole, int p, int r) {
    int s = (int) BlockDistribution.start(whole.length, p, r);
    double[] c = Arrays.copyOfRange(whole, s, (int) BlockDistribution.end(whole.length, p, r));
    DistributedArrays.register(c, whole.length, s);
    return c;
  }

  /** Sum over rows [from, to) of (k + 1) * x[col[k]], read through the halos. */
  private static double product(int[] rp, Halo hr, int[] cc, Halo hc, double[] xc, Halo hx, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      for (int k = Halo.read(rp, i, hr); k < Halo.read(rp, i + 1, hr); k++) {
        sum += (k + 1) * Halo.read(xc, Halo.read(cc, k, hc), hx);
      }
    }
    return sum;
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void aRepeatedProductFetchesTheMatrixOnceAndTheVectorEachTime(int p) throws Exception {
    for (int n : new int[] {0, 1, 2, 3, 10}) {
      int[][] m = banded(n);
      int reps = 4;
      double[] expected = new double[reps];
      for (int t = 0; t < reps; t++) {
        for (int i = 0; i < n; i++) {
          for (int k = m[0][i]; k < m[0][i + 1]; k++) {
            expected[t] += (k + 1) * (m[1][k] * 0.5 + t);
          }
        }
      }
      List<long[]> out = SimulatedRanks.run(p, r -> {
        int[] rp = chunk(m[0], p, r);
        int[] cc = chunk(m[1], p, r);
        double[] whole = new double[n];
        double[] xc = chunk(whole, p, r);
        int from = (int) BlockDistribution.start(n, p, r);
        int to = (int) BlockDistribution.end(n, p, r);
        HaloMemo memo = null;
        long[] result = new long[2 * reps];
        for (int t = 0; t < reps; t++) {
          for (int k = 0; k < xc.length; k++) {
            xc[k] = (from + k) * 0.5 + t; // the vector changes at every repetition
          }
          long before = SimulatedRanks.collectives();
          HaloMemo again = HaloMemo.enter(memo, 0, n, null);
          if (t > 0) {
            assertSame(memo, again, "the same range keeps the memo");
          }
          memo = again;
          Halo hr = memo.exchange(0, rp, 0, 1, from, to);
          Halo hc = memo.exchangeSegments(1, cc, rp, hr, from, to);
          Halo hx = memo.exchangeIndexed(2, xc, cc, hc, rp, hr, from, to);
          result[2 * t] = Double.doubleToLongBits(product(rp, hr, cc, hc, xc, hx, from, to));
          result[2 * t + 1] = SimulatedRanks.collectives() - before;
        }
        return result;
      });
      for (int t = 0; t < reps; t++) {
        double total = 0;
        for (long[] o : out) {
          total += Double.longBitsToDouble(o[2 * t]);
          // first: row pointer and segment (2 each), plan and values (1 each; fewer for empty arrays); then the
          // values only, one all-to-all; every rank alike
          assertEquals(out.get(0)[2 * t + 1], o[2 * t + 1], "n=" + n + " t=" + t + ": collectives differ");
          assertTrue(t == 0 ? o[1] >= 5 : o[2 * t + 1] == 1, "n=" + n + " t=" + t + ": " + o[2 * t + 1]);
        }
        assertEquals(expected[t], total, 1e-9 * (1 + Math.abs(expected[t])), "n=" + n + " t=" + t);
      }
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3})
  void anotherRangeOrVectorStartsAfreshOnEveryRank(int p) throws Exception {
    List<String> out = SimulatedRanks.run(p, r -> {
      double[] x = chunk(new double[6], p, r);
      double[] y = chunk(new double[6], p, r);
      int[] rowptr = {0, 1, 2, 3, 4, 5, 6};
      int[] col = {5, 4, 3, 2, 1, 0};
      HaloMemo memo = HaloMemo.enter(null, 0, 6, null);
      int from = (int) BlockDistribution.start(6, p, r);
      int to = (int) BlockDistribution.end(6, p, r);
      memo.exchangeIndexed(0, x, col, null, rowptr, null, from, to);
      long c0 = SimulatedRanks.collectives();
      memo.exchangeIndexed(0, y, col, null, rowptr, null, from, to); // another vector: a new plan (1) and its values (1)
      long c1 = SimulatedRanks.collectives();
      HaloMemo shorter = HaloMemo.enter(memo, 0, 5, null); // another range: a new memo
      // ranges following another array: a new memo
      return (shorter != memo) + " " + (c1 - c0) + " " + (HaloMemo.enter(memo, 0, 6, x) != memo);
    });
    assertTrue(out.stream().allMatch("true 2 true"::equals), out.toString());
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3})
  void aColumnIndexPastTheVectorStillFailsAtItsReadWithTheMemo(int p) throws Exception {
    int[] rowptr = {0, 1, 2, 3, 4};
    int[] col = {0, 7, 2, 1};
    List<String> out = SimulatedRanks.run(p, r -> {
      double[] xc = chunk(new double[] {1, 2, 3, 4}, p, r);
      int from = (int) BlockDistribution.start(4, p, r);
      int to = (int) BlockDistribution.end(4, p, r);
      HaloMemo memo = null;
      String message = "";
      for (int t = 0; t < 2; t++) {
        memo = HaloMemo.enter(memo, 0, 4, null);
        Halo hx = memo.exchangeIndexed(0, xc, col, null, rowptr, null, from, to);
        if (from <= 1 && 1 < to) {
          message = assertThrows(ArrayIndexOutOfBoundsException.class, () -> Halo.read(xc, 7, hx)).getMessage();
        }
      }
      return message;
    });
    assertTrue(out.contains("Index 7 out of bounds for length 4"), out.toString());
  }
}

package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Halo#exchangeIndexed} on 1–4 simulated ranks: a CSR row loop reading {@code x[col[k]]}
 * with {@code x}, {@code col} and {@code rowptr} in blocks (or {@code col} and {@code rowptr} whole)
 * reads every element the sequential loop reads, fetches no more than the hull of its indices, and
 * fails past the ends of {@code x} as Java does.
 */
class HaloIndexedTest {

  /** The 5-point Laplacian's column indices of a g × g grid, in CSR form: {rowptr, col}. */
  private static int[][] laplacian(int g) {
    int n = g * g;
    int[] rowptr = new int[n + 1];
    int[] col = new int[5 * n];
    int nnz = 0;
    for (int r = 0; r < g; r++) {
      for (int c = 0; c < g; c++) {
        int i = r * g + c;
        if (r > 0) {
          col[nnz++] = i - g;
        }
        if (c > 0) {
          col[nnz++] = i - 1;
        }
        col[nnz++] = i;
        if (c < g - 1) {
          col[nnz++] = i + 1;
        }
        if (r < g - 1) {
          col[nnz++] = i + g;
        }
        rowptr[i + 1] = nnz;
      }
    }
    return new int[][] {rowptr, Arrays.copyOf(col, nnz)};
  }

  private static double[] vector(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 0.25 - 3;
    }
    return x;
  }

  /** One rank's sum over its rows of x[col[k]], every structure split in blocks; and how many x elements it fetched. */
  private static long[] rankSum(int p, int r, int[] rowptr, int[] col, double[] x, boolean matrixWhole) {
    int rows = rowptr.length - 1;
    int nnz = col.length;
    int n = x.length;
    int xs = (int) BlockDistribution.start(n, p, r);
    double[] xc = Arrays.copyOfRange(x, xs, (int) BlockDistribution.end(n, p, r));
    DistributedArrays.register(xc, n, xs);
    int from = (int) BlockDistribution.start(rows, p, r);
    int to = (int) BlockDistribution.end(rows, p, r);
    int[] rp = rowptr;
    int[] cc = col;
    Halo hr = null;
    Halo hc = null;
    if (!matrixWhole) {
      int ps = (int) BlockDistribution.start(rows + 1, p, r);
      rp = Arrays.copyOfRange(rowptr, ps, (int) BlockDistribution.end(rows + 1, p, r));
      DistributedArrays.register(rp, rows + 1, ps);
      int cs = (int) BlockDistribution.start(nnz, p, r);
      cc = Arrays.copyOfRange(col, cs, (int) BlockDistribution.end(nnz, p, r));
      DistributedArrays.register(cc, nnz, cs);
      hr = Halo.exchange(rp, 0, 1, from, to);
      hc = Halo.exchangeSegments(cc, rp, hr, from, to);
    }
    Halo hx = Halo.exchangeIndexed(xc, cc, hc, rp, hr, from, to);
    double sum = 0;
    for (int i = from; i < to; i++) {
      int first = hr == null ? rp[i] : Halo.read(rp, i, hr);
      int last = hr == null ? rp[i + 1] : Halo.read(rp, i + 1, hr);
      for (int k = first; k < last; k++) {
        int c = hc == null ? cc[k] : Halo.read(cc, k, hc);
        sum += (k + 1) * Halo.read(xc, c, hx);
      }
    }
    return new long[] {Double.doubleToLongBits(sum), fetched(hx)};
  }

  private static long fetched(Halo h) {
    try {
      var left = Halo.class.getDeclaredField("left");
      var right = Halo.class.getDeclaredField("right");
      left.setAccessible(true);
      right.setAccessible(true);
      return java.lang.reflect.Array.getLength(left.get(h)) + java.lang.reflect.Array.getLength(right.get(h));
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void theRowsOfEachRankReadWhatTheSequentialLoopReads(int p) throws Exception {
    for (boolean whole : new boolean[] {false, true}) {
      for (int g : new int[] {0, 1, 2, 3, 9}) {
        int[][] m = laplacian(g);
        double[] x = vector(g * g);
        double expected = 0;
        for (int i = 0; i + 1 < m[0].length; i++) {
          for (int k = m[0][i]; k < m[0][i + 1]; k++) {
            expected += (k + 1) * x[m[1][k]];
          }
        }
        List<long[]> out = SimulatedRanks.run(p, r -> rankSum(p, r, m[0], m[1], x, whole));
        double total = 0;
        for (long[] o : out) {
          total += Double.longBitsToDouble(o[0]);
          // a banded matrix: a rank fetches at most one grid row on each side of its block
          assertTrue(o[1] <= 2L * g, "g=" + g + ": fetched " + o[1] + " elements");
        }
        assertEquals(expected, total, 1e-9 * Math.max(1, Math.abs(expected)), "g=" + g + " whole=" + whole);
      }
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3})
  void aColumnIndexPastTheVectorFailsAsJavaDoesAtItsRead(int p) throws Exception {
    int[] rowptr = {0, 1, 2, 3, 4};
    int[] col = {0, 7, 2, 1};
    double[] x = vector(4);
    List<String> out = SimulatedRanks.run(p, r -> {
      int xs = (int) BlockDistribution.start(4, p, r);
      double[] xc = Arrays.copyOfRange(x, xs, (int) BlockDistribution.end(4, p, r));
      DistributedArrays.register(xc, 4, xs);
      int from = (int) BlockDistribution.start(4, p, r);
      int to = (int) BlockDistribution.end(4, p, r);
      Halo hx = Halo.exchangeIndexed(xc, col, null, rowptr, null, from, to);
      if (from <= 1 && 1 < to) {
        ArrayIndexOutOfBoundsException e = assertThrows(ArrayIndexOutOfBoundsException.class, () -> Halo.read(xc, 7, hx));
        return e.getMessage();
      }
      for (int i = from; i < to; i++) {
        assertEquals(x[col[i]], Halo.read(xc, col[i], hx));
      }
      return "";
    });
    assertTrue(out.contains("Index 7 out of bounds for length 4"), out.toString());
  }
}

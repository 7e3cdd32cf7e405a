package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Halo exchange on 1–4 simulated ranks: every read at a local index in {@code [lowest, length +
 * highest)} answers the global array's element, or the sequential exception past its ends; for
 * block chunks, uneven 1D_Var chunks, empty ranks and chunks shorter than the halo.
 */
class HaloTest {

  private static double[] global(int n) {
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = i * 1.5 - 7;
    }
    return g;
  }

  /**
   * Rank's chunk {@code [start, start + len)}; its loop runs over {@code [from, to)}: checks every
   * global index the loop may read; returns how many elements were read.
   */
  private static int checkReads(double[] g, int start, int len, int lowest, int highest, int from, int to) {
    double[] chunk = Arrays.copyOfRange(g, start, start + len);
    DistributedArrays.register(chunk, g.length, start);
    Halo h = Halo.exchange(chunk, lowest, highest, from, to);
    int checked = 0;
    for (int i = from; i < to; i++) {
      for (int c = lowest; c <= highest; c++) {
        int at = i + c;
        if (at >= 0 && at < g.length) {
          assertEquals(g[at], Halo.read(chunk, at, h), "global index " + at);
          checked++;
        } else {
          ArrayIndexOutOfBoundsException e = assertThrows(ArrayIndexOutOfBoundsException.class,
              () -> Halo.read(chunk, at, h));
          assertEquals("Index " + at + " out of bounds for length " + g.length, e.getMessage());
        }
      }
    }
    return checked;
  }

  private static int checkReads(double[] g, int start, int len, int lowest, int highest) {
    return checkReads(g, start, len, lowest, highest, start, start + len);
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void blockChunksReadTheirNeighboursElements(int p) throws Exception {
    for (int n : new int[] {0, 1, 2, 3, 5, 10, 37}) {
      for (int[] halo : new int[][] {{-1, 1}, {-2, 3}, {0, 2}, {-3, 0}}) {
        double[] g = global(n);
        List<Integer> counts = SimulatedRanks.run(p, r -> checkReads(g, (int) BlockDistribution.start(n, p, r),
            BlockDistribution.count(n, p, r), halo[0], halo[1]));
        assertTrue(counts.stream().mapToInt(Integer::intValue).sum() >= n, "every element was read: " + counts);
      }
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void aLoopSplitDifferentlyFromTheArrayFetchesWhatItsRangeNeeds(int p) throws Exception {
    // A CSR row pointer of n + 1 entries read at i and i + 1 by a loop over the n rows' blocks.
    for (int rows : new int[] {0, 1, 2, 3, 5, 10, 37}) {
      double[] g = global(rows + 1);
      List<Integer> counts = SimulatedRanks.run(p, r -> checkReads(g, (int) BlockDistribution.start(rows + 1, p, r),
          BlockDistribution.count(rows + 1, p, r), 0, 1, (int) BlockDistribution.start(rows, p, r),
          (int) BlockDistribution.end(rows, p, r)));
      assertEquals(2 * rows, counts.stream().mapToInt(Integer::intValue).sum());
    }
  }

  @Test
  void unevenChunksAndEmptyRanksReadAcrossSeveralRanks() throws Exception {
    double[] g = global(9);
    int[] lengths = {0, 1, 6, 0, 2};
    int[] starts = new int[lengths.length];
    for (int r = 1; r < lengths.length; r++) {
      starts[r] = starts[r - 1] + lengths[r - 1];
    }
    // Rank 1's single element needs ghosts from ranks 2 (right, 3 wide) and none (left: global start).
    SimulatedRanks.run(lengths.length, r -> checkReads(g, starts[r], lengths[r], -3, 3));
  }

  @Test
  void otherElementTypesTravelExactly() throws Exception {
    int n = 11;
    List<String> out = SimulatedRanks.run(3, r -> {
      int start = (int) BlockDistribution.start(n, 3, r);
      int len = BlockDistribution.count(n, 3, r);
      float[] f = new float[len];
      long[] l = new long[len];
      int[] i = new int[len];
      for (int k = 0; k < len; k++) {
        f[k] = (start + k) + 0.1f;
        l[k] = (start + k) * 10_000_000_000L;
        i[k] = -(start + k);
      }
      for (Object a : new Object[] {f, l, i}) {
        DistributedArrays.register(a, n, start);
      }
      Halo hf = Halo.exchange(f, -2, 2, start, start + len);
      Halo hl = Halo.exchange(l, -2, 2, start, start + len);
      Halo hi = Halo.exchange(i, -2, 2, start, start + len);
      List<String> seen = new ArrayList<>();
      for (int k = -2; k < len + 2; k++) {
        if (start + k >= 0 && start + k < n) {
          assertEquals((start + k) + 0.1f, Halo.read(f, start + k, hf));
          assertEquals((start + k) * 10_000_000_000L, Halo.read(l, start + k, hl));
          assertEquals(-(start + k), Halo.read(i, start + k, hi));
          seen.add(Integer.toString(start + k));
        }
      }
      return String.join(",", seen);
    });
    assertEquals(List.of("0,1,2,3,4,5", "2,3,4,5,6,7,8,9", "6,7,8,9,10"), out);
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void csrNonzerosSplitInBlocksServeTheRowsEachRankRuns(int p) throws Exception {
    for (int rows : new int[] {0, 1, 2, 3, 7, 40}) {
      // Rows of 0..4 nonzeros: rowptr has rows + 1 entries, the nonzeros are split in blocks of nnz.
      int[] rowptr = new int[rows + 1];
      for (int i = 0; i < rows; i++) {
        rowptr[i + 1] = rowptr[i] + (i * 7 + 3) % 5;
      }
      double[] val = global(rowptr[rows]);
      int nnz = val.length;
      List<Integer> counts = SimulatedRanks.run(p, r -> {
        int ps = (int) BlockDistribution.start(rows + 1, p, r);
        int[] rp = Arrays.copyOfRange(rowptr, ps, (int) BlockDistribution.end(rows + 1, p, r));
        DistributedArrays.register(rp, rows + 1, ps);
        int vs = (int) BlockDistribution.start(nnz, p, r);
        double[] v = Arrays.copyOfRange(val, vs, (int) BlockDistribution.end(nnz, p, r));
        DistributedArrays.register(v, nnz, vs);
        int from = (int) BlockDistribution.start(rows, p, r);
        int to = (int) BlockDistribution.end(rows, p, r);
        Halo hr = Halo.exchange(rp, 0, 1, from, to);
        Halo hv = Halo.exchangeSegments(v, rp, hr, from, to);
        int read = 0;
        for (int i = from; i < to; i++) {
          for (int k = Halo.read(rp, i, hr); k < Halo.read(rp, i + 1, hr); k++) {
            assertEquals(val[k], Halo.read(v, k, hv), "nonzero " + k + " of row " + i);
            read++;
          }
        }
        return read;
      });
      assertEquals(nnz, counts.stream().mapToInt(Integer::intValue).sum(), "every nonzero read once");
    }
  }

  @Test
  void oneArrayPassedAsTheReadAndTheWrittenArrayIsAClearError() {
    double[] a = new double[3];
    Halo.checkSeparate(a, new double[3]);
    Halo.checkSeparate(null, null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Halo.checkSeparate(a, a));
    assertTrue(e.getMessage().contains("the same array"), e.getMessage());
  }

  @Test
  void aNullArrayFailsAtItsFirstReadNotAtTheExchange() {
    Halo h = Halo.exchange(null, -1, 1, 0, 0);
    assertThrows(NullPointerException.class, () -> Halo.read((double[]) null, 0, h));
  }

  @Test
  void anArrayThatIsNotSplitReadsItselfAndFailsAsJavaDoesPastItsEnds() {
    double[] whole = global(4);
    Halo h = Halo.exchange(whole, -1, 1, 0, 4);
    assertEquals(whole[3], Halo.read(whole, 3, h));
    ArrayIndexOutOfBoundsException e = assertThrows(ArrayIndexOutOfBoundsException.class, () -> Halo.read(whole, 4, h));
    assertEquals("Index 4 out of bounds for length 4", e.getMessage());
  }

  /**
   * The interior a split stencil loop reads directly: every index in {@code [interiorFrom, interiorTo)}
   * reads only elements of the chunk at {@code g - chunkStart}, and the indices just outside it do
   * not (so the halo parts stay as short as they can be).
   */
  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void theInteriorIsExactlyWhereEveryReadFallsInTheChunk(int p) throws Exception {
    for (int n : new int[] {0, 1, 2, 3, 5, 10, 37}) {
      for (int[] halo : new int[][] {{-1, 1}, {-2, 3}, {0, 2}, {-3, 0}, {0, 0}}) {
        double[] g = global(n);
        SimulatedRanks.run(p, r -> {
          int start = (int) BlockDistribution.start(n, p, r);
          double[] chunk = Arrays.copyOfRange(g, start, start + BlockDistribution.count(n, p, r));
          DistributedArrays.register(chunk, n, start);
          Halo h = Halo.exchange(chunk, halo[0], halo[1], start, start + chunk.length);
          int from = Halo.interiorFrom(h, halo[0]);
          int to = Halo.interiorTo(h, halo[1]);
          assertEquals(start, Halo.chunkStart(h));
          for (int i = from; i < to; i++) {
            for (int c = halo[0]; c <= halo[1]; c++) {
              assertEquals(g[i + c], chunk[i + c - Halo.chunkStart(h)], "interior read at " + (i + c));
            }
          }
          if (chunk.length > 0) {
            assertEquals(start - halo[0], from, "the first index whose lowest read is the chunk's first element");
            assertEquals(start + chunk.length - halo[1], to, "the first index whose highest read leaves the chunk");
          } else {
            assertTrue(from >= to, "an empty chunk has no interior");
          }
          return null;
        });
      }
    }
  }

  @Test
  void aNullArrayHasNoInterior() {
    Halo h = Halo.exchange(null, -1, 1, 0, 5);
    assertEquals(Integer.MAX_VALUE, Halo.interiorFrom(h, -1));
    assertEquals(Integer.MIN_VALUE, Halo.interiorTo(h, 1));
  }

  @Test
  void anArrayThatIsNotSplitIsInteriorWhole() {
    Halo h = Halo.exchange(global(6), -1, 1, 1, 5);
    assertEquals(1, Halo.interiorFrom(h, -1));
    assertEquals(5, Halo.interiorTo(h, 1));
    assertEquals(0, Halo.chunkStart(h));
  }
}

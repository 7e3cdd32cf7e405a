package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rows of a replicated array written at a loop's index on 1–4 simulated ranks: each rank writes its
 * part of the loop's range on its own copy, and after {@link SharedRows#shareBlocks} every copy
 * holds what the whole loop writes; ranges past the row, empty parts, a step of 2, one row object
 * held twice, and a missing row.
 */
class SharedRowsTest {

  /** What rank {@code r} of {@code p} runs of {@code [lo, hi)} with step {@code step}: {@code [first, end)}. */
  private static int[] part(int lo, int hi, int step, int p, int r) {
    int s = hi <= lo ? lo : (int) (lo + BlockDistribution.start(hi - lo, p, r));
    int e = hi <= lo ? lo : (int) (lo + BlockDistribution.end(hi - lo, p, r));
    int first = s + Math.floorMod(lo - s, step);
    return new int[] {first, e};
  }

  private static double value(int row, int i) {
    return row * 1000 + i * 1.25;
  }

  /** The loop {@code for (i = lo; i < hi; i += step) c[row][i] = value(row, i)} on each rank's copy, rows clipped. */
  private static double[][] run(double[][] start, int lo, int hi, int step, int p, int rank) {
    double[][] c = new double[start.length][];
    for (int k = 0; k < c.length; k++) {
      c[k] = start[k] == null ? null : start[k].clone();
    }
    int[] part = part(lo, hi, step, p, rank);
    for (int i = part[0]; i < part[1]; i += step) {
      for (int row = 0; row < c.length; row++) {
        if (i < c[row].length) {
          c[row][i] = value(row, i);
        }
      }
    }
    for (int row = 0; row < c.length; row++) {
      SharedRows.shareBlocks(c, row, part[0], part[1]);
    }
    return c;
  }

  private static double[][] sequential(double[][] start, int lo, int hi, int step) {
    return run(start, lo, hi, step, 1, 0);
  }

  private static double[][] filled(int rows, int n) {
    double[][] c = new double[rows][n];
    for (double[] r : c) {
      Arrays.fill(r, -1);
    }
    return c;
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void everyCopyEndsWithTheWholeLoopsRows(int p) throws Exception {
    for (int n : new int[] {0, 1, 2, 3, 7, 100}) {
      for (int step : new int[] {1, 2, 3}) {
        for (int lo : new int[] {0, 1}) {
          double[][] start = filled(2, n);
          double[][] expected = sequential(start, lo, n, step);
          int from = lo;
          int s = step;
          List<double[][]> copies = SimulatedRanks.run(p, r -> run(start, from, n, s, p, r));
          for (int r = 0; r < p; r++) {
            for (int row = 0; row < 2; row++) {
              assertArrayEquals(expected[row], copies.get(r)[row], "n=" + n + " step=" + step + " lo=" + lo
                  + " rank " + r + " row " + row);
            }
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void aRangePastTheRowSharesWhatTheRowHolds(int p) throws Exception {
    double[][] start = filled(1, 5);
    double[][] expected = sequential(start, 0, 9, 1);
    List<double[][]> copies = SimulatedRanks.run(p, r -> run(start, 0, 9, 1, p, r));
    copies.forEach(c -> assertArrayEquals(expected[0], c[0]));
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {2, 3, 4})
  void oneRowObjectHeldTwiceAndAMissingRow(int p) throws Exception {
    List<double[]> shared = SimulatedRanks.run(p, r -> {
      double[] row = new double[10];
      double[][] c = {row, row, null};
      int[] part = part(0, 10, 1, p, r);
      for (int i = part[0]; i < part[1]; i++) {
        c[0][i] = i;
        c[1][i] = -i;
      }
      SharedRows.shareBlocks(c, 0, part[0], part[1]);
      SharedRows.shareBlocks(c, 1, part[0], part[1]);
      SharedRows.shareBlocks(c, 2, part[0], part[1]);
      SharedRows.shareBlocks(c, 3, part[0], part[1]);
      SharedRows.shareBlocks(null, 0, part[0], part[1]);
      return row;
    });
    for (double[] row : shared) {
      for (int i = 0; i < 10; i++) {
        assertEquals(-i, row[i], 0.0);
      }
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {2, 3})
  void otherElementTypes(int p) throws Exception {
    List<Object[]> out = SimulatedRanks.run(p, r -> {
      Object[] c = {new float[6], new int[6], new long[6], new boolean[6], new short[6], new char[6], new byte[6]};
      int[] part = part(0, 6, 1, p, r);
      for (int i = part[0]; i < part[1]; i++) {
        ((float[]) c[0])[i] = i + 0.5f;
        ((int[]) c[1])[i] = i * 3;
        ((long[]) c[2])[i] = i * 5L;
        ((boolean[]) c[3])[i] = i % 2 == 0;
        ((short[]) c[4])[i] = (short) -i;
        ((char[]) c[5])[i] = (char) ('a' + i);
        ((byte[]) c[6])[i] = (byte) (i * 7);
      }
      for (int k = 0; k < c.length; k++) {
        SharedRows.shareBlocks(c, k, part[0], part[1]);
      }
      return c;
    });
    for (Object[] c : out) {
      assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f}, (float[]) c[0]);
      assertArrayEquals(new int[] {0, 3, 6, 9, 12, 15}, (int[]) c[1]);
      assertArrayEquals(new long[] {0, 5, 10, 15, 20, 25}, (long[]) c[2]);
      assertArrayEquals(new boolean[] {true, false, true, false, true, false}, (boolean[]) c[3]);
      assertArrayEquals(new short[] {0, -1, -2, -3, -4, -5}, (short[]) c[4]);
      assertArrayEquals("abcdef".toCharArray(), (char[]) c[5]);
      assertArrayEquals(new byte[] {0, 7, 14, 21, 28, 35}, (byte[]) c[6]);
    }
  }
}

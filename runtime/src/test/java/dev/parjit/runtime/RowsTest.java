package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Arrays distributed by rows on 1–4 thread-simulated ranks: allocation by blocks of rows, gathering in rank order. */
class RowsTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void eachRankAllocatesItsBlockOfRowsAndReplicationGathersThemInOrder(int p) throws Exception {
    for (int n : new int[] {0, 1, 3, 10}) {
      List<double[][]> whole = SimulatedRanks.run(p, r -> {
        double[][] mine = (double[][]) ParallelRuntime.newMatrix(n, 2, double[][].class);
        int start = ParallelRuntime.ownedStart(mine);
        assertEquals(BlockDistribution.count(n, p, r), mine.length);
        assertEquals(n, ParallelRuntime.length(mine), "a.length answers the global row count");
        for (int i = 0; i < mine.length; i++) {
          mine[i][0] = start + i;
          mine[i][1] = -(start + i);
        }
        return (double[][]) ParallelRuntime.replicateRows(mine);
      });
      double[][] expected = new double[n][];
      for (int i = 0; i < n; i++) {
        expected[i] = new double[] {i, -i};
      }
      for (double[][] w : whole) {
        assertArrayEquals(expected, w);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void jaggedAndNullRowsKeepTheirShapeAndThreeDimensionsWork(int p) throws Exception {
    List<Object[]> results = SimulatedRanks.run(p, r -> {
      int[][] tri = (int[][]) ParallelRuntime.newObjectArray(int[].class, 5);
      int start = ParallelRuntime.ownedStart(tri);
      for (int i = 0; i < tri.length; i++) {
        tri[i] = (start + i) % 2 == 0 ? new int[start + i] : null;
      }
      long[][][] cube = (long[][][]) ParallelRuntime.newMatrix(4, 2, 3, long[][][].class);
      for (int i = 0; i < cube.length; i++) {
        cube[i][1][2] = ParallelRuntime.ownedStart(cube) + i;
      }
      return new Object[] {ParallelRuntime.replicateRows(tri), ParallelRuntime.replicateRows(cube)};
    });
    for (Object[] r : results) {
      int[][] tri = (int[][]) r[0];
      assertArrayEquals(new int[][] {new int[0], null, new int[2], null, new int[4]}, tri);
      long[][][] cube = (long[][][]) r[1];
      assertEquals(4, cube.length);
      for (int i = 0; i < 4; i++) {
        assertEquals(i, cube[i][1][2]);
        assertEquals(3, cube[i][0].length);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void rowsOfEveryFlatTypeAndSharedRowsOnOneRankComeBackAsTheyWere(int p) throws Exception {
    List<Object[]> results = SimulatedRanks.run(p, r -> {
      long[][] longs = (long[][]) ParallelRuntime.newMatrix(6, 3, long[][].class);
      byte[][] bytes = (byte[][]) ParallelRuntime.newMatrix(6, 2, byte[][].class);
      double[][] shared = (double[][]) ParallelRuntime.newMatrix(6, 2, double[][].class);
      int start = ParallelRuntime.ownedStart(longs);
      for (int i = 0; i < longs.length; i++) {
        longs[i][2] = Long.MIN_VALUE + start + i;
        bytes[i][1] = (byte) (-1 - start - i);
        shared[i][0] = start + i;
      }
      if (r == 0 && shared.length > 1) {
        shared[1] = shared[0]; // only rank 0 shares a row: every rank must still agree on one path
      }
      return new Object[] {ParallelRuntime.replicateRows(longs), ParallelRuntime.replicateRows(bytes),
          ParallelRuntime.replicateRows(shared)};
    });
    for (Object[] got : results) {
      long[][] longs = (long[][]) got[0];
      byte[][] bytes = (byte[][]) got[1];
      double[][] shared = (double[][]) got[2];
      for (int i = 0; i < 6; i++) {
        assertArrayEquals(new long[] {0, 0, Long.MIN_VALUE + i}, longs[i]);
        assertArrayEquals(new byte[] {0, (byte) (-1 - i)}, bytes[i]);
      }
      int rank0Rows = BlockDistribution.count(6, p, 0);
      if (rank0Rows > 1) {
        assertSame(shared[0], shared[1], "rank 0's shared row stays one array");
      }
      assertEquals(6, shared.length);
      assertEquals(rank0Rows > 1 ? 0.0 : 1.0, shared[1][0]);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void sharedRowsTakeTheSerializedPathAndKeepNaNPayloadsAndSignedZeros(int p) throws Exception {
    long payload = 0x7ff8_0000_dead_beefL;
    int floatPayload = 0x7fc0_1234;
    List<Object[]> results = SimulatedRanks.run(p, r -> {
      double[][] d = (double[][]) ParallelRuntime.newMatrix(4, 2, double[][].class);
      float[][][] f = (float[][][]) ParallelRuntime.newMatrix(4, 1, 2, float[][][].class);
      for (int i = 0; i < d.length; i++) {
        d[i][0] = Double.longBitsToDouble(payload);
        d[i][1] = -0.0;
        f[i][0][1] = Float.intBitsToFloat(floatPayload);
      }
      if (d.length > 1) {
        d[1] = d[0]; // a shared row (of equal values): the rows are serialized
      }
      return new Object[] {ParallelRuntime.replicateRows(d), ParallelRuntime.replicateRows(f)};
    });
    for (Object[] got : results) {
      double[][] d = (double[][]) got[0];
      float[][][] f = (float[][][]) got[1];
      for (int i = 0; i < 4; i++) {
        assertEquals(Long.toHexString(payload), Long.toHexString(Double.doubleToRawLongBits(d[i][0])), "row " + i);
        assertEquals(Long.toHexString(Double.doubleToRawLongBits(-0.0)), Long.toHexString(Double.doubleToRawLongBits(d[i][1])));
        assertEquals(Integer.toHexString(floatPayload), Integer.toHexString(Float.floatToRawIntBits(f[i][0][1])), "row " + i);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void rowMajorDataInOneDimensionIsSplitInWholeRows(int p) throws Exception {
    for (int rows : new int[] {0, 1, 3, 7}) {
      for (int k : new int[] {0, 1, 4}) {
        List<double[]> whole = SimulatedRanks.run(p, r -> {
          double[] mine = (double[]) ParallelRuntime.newRowBlockArray(rows * k, k, double.class);
          int first = ParallelRuntime.rowsStart(mine, k, 0, rows);
          int end = ParallelRuntime.rowsEnd(mine, k, 0, rows);
          int start = ParallelRuntime.ownedStart(mine);
          if (k > 0) {
            assertEquals(BlockDistribution.start(rows, p, r), first, "Bodo's formula over rows");
            assertEquals(BlockDistribution.count(rows, p, r) * k, mine.length, "whole rows of k elements");
          }
          for (int i = first; i < end; i++) {
            for (int j = 0; j < k; j++) {
              mine[k * i + j - start] = i * 10 + j;
            }
          }
          return ParallelRuntime.replicate(mine);
        });
        double[] expected = new double[rows * k];
        for (int i = 0; i < rows; i++) {
          for (int j = 0; j < k; j++) {
            expected[k * i + j] = i * 10 + j;
          }
        }
        for (double[] w : whole) {
          org.junit.jupiter.api.Assertions.assertArrayEquals(expected, w, rows + " rows of " + k + " on " + p);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void negativeSizesFailAsTheSequentialAllocationDoesAndUnregisteredArraysPassAsTheyAre(int p) throws Exception {
    SimulatedRanks.run(p, r -> {
      NegativeArraySizeException rows = assertThrows(NegativeArraySizeException.class,
          () -> ParallelRuntime.newMatrix(-2, 3, double[][].class));
      assertEquals("-2", rows.getMessage());
      NegativeArraySizeException cols = assertThrows(NegativeArraySizeException.class,
          () -> ParallelRuntime.newMatrix(0, -1, double[][].class));
      assertEquals("-1", cols.getMessage());
      double[][] whole = new double[3][2];
      assertSame(whole, ParallelRuntime.replicateRows(whole));
      assertSame(whole, ParallelRuntime.wholeOf(whole));
      return null;
    });
  }
}

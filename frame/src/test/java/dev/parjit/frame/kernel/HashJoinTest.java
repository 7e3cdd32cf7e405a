package dev.parjit.frame.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parjit.frame.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * The integer build-and-probe join against a nested-loop join written out here: dense keys (direct
 * addressing), sparse and extreme keys (hashed), duplicates on both sides, nulls, int32 against
 * int64, left joins and selections of left rows.
 */
class HashJoinTest {

  /** Left row, then its right matches in right order; -1 for an unmatched left row of a left join. */
  private static int[][] nestedLoop(Long[] left, Long[] right, int[] leftRows, boolean keep) {
    List<int[]> out = new ArrayList<>();
    int n = leftRows == null ? left.length : leftRows.length;
    for (int j = 0; j < n; j++) {
      int i = leftRows == null ? j : leftRows[j];
      boolean any = false;
      for (int r = 0; r < right.length; r++) {
        if (left[i] != null && left[i].equals(right[r])) {
          out.add(new int[] {i, r});
          any = true;
        }
      }
      if (!any && keep) {
        out.add(new int[] {i, -1});
      }
    }
    int[][] m = new int[2][out.size()];
    for (int k = 0; k < out.size(); k++) {
      m[0][k] = out.get(k)[0];
      m[1][k] = out.get(k)[1];
    }
    return m;
  }

  private static FieldVector vector(DType t, Long[] values) {
    long[] v = new long[values.length];
    boolean[] valid = new boolean[values.length];
    boolean nulls = false;
    for (int i = 0; i < v.length; i++) {
      valid[i] = values[i] != null;
      nulls |= !valid[i];
      v[i] = valid[i] ? values[i] : 0;
    }
    return Vectors.ofLongs(t, "k", v, nulls ? valid : null);
  }

  private static Long[] keys(Random rnd, int n, long spread, long scale, double nullShare) {
    Long[] k = new Long[n];
    for (int i = 0; i < n; i++) {
      k[i] = rnd.nextDouble() < nullShare ? null : (long) rnd.nextInt((int) spread) * scale - 7;
    }
    return k;
  }

  private static void check(DType lt, Long[] left, DType rt, Long[] right, int[] rows, boolean keep) {
    try (FieldVector l = vector(lt, left); FieldVector r = vector(rt, right)) {
      int[][] got = HashJoin.match(List.of(l), List.of(r), List.of("k"), keep, rows);
      int[][] want = nestedLoop(left, right, rows, keep);
      assertArrayEquals(want[0], got[0], "left rows");
      assertArrayEquals(want[1], got[1], "right rows");
    }
  }

  @Test
  void matchesTheNestedLoopJoinForDenseSparseAndExtremeKeys() {
    Random rnd = new Random(16);
    for (long scale : new long[] {1, 3, 1_000_003L, 1L << 40}) {
      for (int round = 0; round < 20; round++) {
        int nl = rnd.nextInt(200);
        int nr = rnd.nextInt(120);
        Long[] left = keys(rnd, nl, 60, scale, round % 3 == 0 ? 0.1 : 0);
        Long[] right = keys(rnd, nr, 60, scale, round % 4 == 0 ? 0.1 : 0);
        int[] rows = null;
        if (round % 2 == 1) {
          rows = java.util.stream.IntStream.range(0, nl).filter(i -> rnd.nextBoolean()).toArray();
        }
        check(DType.INT64, left, DType.INT64, right, rows, false);
        check(DType.INT64, left, DType.INT64, right, rows, true);
        if (scale < (1L << 31) / 64) {
          check(DType.INT32, left, DType.INT64, right, rows, round % 2 == 0);
        }
      }
    }
    Long[] extreme = {Long.MIN_VALUE, Long.MAX_VALUE, 0L, null, Long.MIN_VALUE};
    check(DType.INT64, extreme, DType.INT64, new Long[] {Long.MAX_VALUE, Long.MIN_VALUE, null, 0L}, null, true);
    check(DType.INT64, new Long[0], DType.INT64, new Long[] {1L}, null, true);
    check(DType.INT64, new Long[] {1L, null}, DType.INT64, new Long[0], null, true);
    check(DType.INT64, new Long[] {1L, null}, DType.INT64, new Long[] {null, null}, new int[] {1}, true);
  }

  @Test
  void incompatibleKeyTypesFailNamingTheKey() {
    try (FieldVector l = Vectors.ofLongs(DType.INT64, "k", new long[] {1}, null);
        FieldVector r = Vectors.ofStrings("k", new String[] {"1"})) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> HashJoin.match(List.of(l), List.of(r), List.of("key"), false, null));
      assertEquals("key 'key' has incompatible types: int64 and object", e.getMessage());
    }
  }
}

package dev.parjit.frame.kernel;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Equi-join row matching. Output order: left row order, and for one left row its matches in right
 * row order. Missing keys never match (SQL semantics; pandas would match NaN with NaN). One integer
 * key (the common case) is built on the right side only and probed by the left rows
 * ({@link IntegerJoinTable}); otherwise both sides' keys are coded against one dictionary
 * ({@link Factorizer}), the right side is bucketed by code with a counting sort, and the left side
 * is scanned in order.
 */
public final class HashJoin {
  private HashJoin() {}

  /**
   * Matching row pairs: {@code result[0][i]} is a left row, {@code result[1][i]} the right row
   * or -1 for a left row without a match when {@code keepUnmatchedLeft} (a left join).
   */
  public static int[][] match(List<FieldVector> leftKeys, List<FieldVector> rightKeys, List<String> keyNames, boolean keepUnmatchedLeft) {
    return match(leftKeys, rightKeys, keyNames, keepUnmatchedLeft, null);
  }

  /**
   * As {@link #match(List, List, List, boolean)} for only the left rows {@code leftRows} (ascending;
   * {@code null}: all of them), so a filter feeding a join never copies its rows: the result's left
   * rows are rows of {@code leftKeys}, in the order of {@code leftRows}.
   */
  public static int[][] match(List<FieldVector> leftKeys, List<FieldVector> rightKeys, List<String> keyNames,
      boolean keepUnmatchedLeft, int[] leftRows) {
    if (leftKeys.size() == 1 && Factorizer.integerKey(List.of(leftKeys.get(0), rightKeys.get(0)), keyNames.get(0))) {
      return probe(IntegerJoinTable.build(rightKeys.get(0)), new IntegerKeys(leftKeys.get(0)), leftRows,
          leftKeys.get(0).getValueCount(), keepUnmatchedLeft);
    }
    if (leftRows == null) {
      return coded(leftKeys, rightKeys, keyNames, keepUnmatchedLeft);
    }
    List<FieldVector> selected = new java.util.ArrayList<>();
    try {
      for (FieldVector k : leftKeys) {
        selected.add(Vectors.take(k, k.getName(), leftRows));
      }
      int[][] m = coded(selected, rightKeys, keyNames, keepUnmatchedLeft);
      for (int i = 0; i < m[0].length; i++) {
        m[0][i] = leftRows[m[0][i]];
      }
      return m;
    } finally {
      selected.forEach(FieldVector::close);
    }
  }

  /** Each left row (of {@code leftRows}, or all {@code leftCount}) followed by its right matches. */
  private static int[][] probe(IntegerJoinTable table, IntegerKeys left, int[] leftRows, int leftCount,
      boolean keepUnmatchedLeft) {
    int n = leftRows == null ? leftCount : leftRows.length;
    int[] li = new int[n + 16];
    int[] ri = new int[n + 16];
    int k = 0;
    for (int j = 0; j < n; j++) {
      int i = leftRows == null ? j : leftRows[j];
      int r = left.valid(i) ? table.first(left.get(i)) : -1;
      if (r < 0) {
        if (!keepUnmatchedLeft) {
          continue;
        }
      }
      do {
        if (k == li.length) {
          long grown = Math.min(Integer.MAX_VALUE - 8L, li.length + (li.length >> 1) + 16L);
          if (grown == li.length) {
            throw new IllegalArgumentException("join result has more rows than a frame can hold");
          }
          li = java.util.Arrays.copyOf(li, (int) grown);
          ri = java.util.Arrays.copyOf(ri, (int) grown);
        }
        li[k] = i;
        ri[k++] = r;
        r = r < 0 ? -1 : table.next(r);
      } while (r >= 0);
    }
    return new int[][] {java.util.Arrays.copyOf(li, k), java.util.Arrays.copyOf(ri, k)};
  }

  /** Matching through one dictionary of both sides' key codes. */
  private static int[][] coded(List<FieldVector> leftKeys, List<FieldVector> rightKeys, List<String> keyNames, boolean keepUnmatchedLeft) {
    int nl = leftKeys.get(0).getValueCount();
    int nr = rightKeys.get(0).getValueCount();
    Factorizer.Codes c = Factorizer.factorize(List.of(leftKeys, rightKeys), keyNames);
    int[] codes = c.codes;
    int[] start = new int[c.groups + 1];
    for (int r = 0; r < nr; r++) if (codes[nl + r] >= 0) start[codes[nl + r] + 1]++;
    for (int g = 0; g < c.groups; g++) start[g + 1] += start[g];
    int[] fill = start.clone();
    int[] rightByGroup = new int[start[c.groups]];
    for (int r = 0; r < nr; r++) {
      int g = codes[nl + r];
      if (g >= 0) rightByGroup[fill[g]++] = r;
    }
    long out = 0;
    for (int i = 0; i < nl; i++) {
      int g = codes[i];
      int m = g < 0 ? 0 : start[g + 1] - start[g];
      out += m == 0 && keepUnmatchedLeft ? 1 : m;
    }
    if (out > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("join result has " + out + " rows, more than a frame can hold");
    int[] li = new int[(int) out];
    int[] ri = new int[(int) out];
    int k = 0;
    for (int i = 0; i < nl; i++) {
      int g = codes[i];
      int s = g < 0 ? 0 : start[g];
      int e = g < 0 ? 0 : start[g + 1];
      if (s == e) {
        if (keepUnmatchedLeft) {
          li[k] = i;
          ri[k++] = -1;
        }
        continue;
      }
      for (int p = s; p < e; p++) {
        li[k] = i;
        ri[k++] = rightByGroup[p];
      }
    }
    return new int[][] {li, ri};
  }
}

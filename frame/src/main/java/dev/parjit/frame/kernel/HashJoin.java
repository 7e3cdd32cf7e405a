package dev.parjit.frame.kernel;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Equi-join row matching: both sides' keys are coded against one dictionary
 * ({@link Factorizer}), the right side is bucketed by code with a counting sort, and the left side
 * is scanned in order. Output order: left row order, and for one left row its matches in right
 * row order. Missing keys never match (SQL semantics; pandas would match NaN with NaN).
 */
public final class HashJoin {
  private HashJoin() {}

  /**
   * Matching row pairs: {@code result[0][i]} is a left row, {@code result[1][i]} the right row
   * or -1 for a left row without a match when {@code keepUnmatchedLeft} (a left join).
   */
  public static int[][] match(List<FieldVector> leftKeys, List<FieldVector> rightKeys, List<String> keyNames, boolean keepUnmatchedLeft) {
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

package dev.parjit.frame.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parjit.frame.DataFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * Comparing a row of one frame with a row of another agrees with the stable sort of the two frames
 * concatenated: a row of the first frame sorts before one of the second exactly when it compares
 * before or equal (equal rows keep their order, and the first frame's rows come first). Float keys
 * with NaN and nulls, integers with nulls, strings with nulls, booleans, several keys, both
 * directions.
 */
class KeyOrderTest {

  private static DataFrame rows(Random rnd, int n) {
    double[] x = new double[n];
    boolean[] xNull = new boolean[n];
    Long[] k = new Long[n];
    String[] s = new String[n];
    boolean[] b = new boolean[n];
    for (int i = 0; i < n; i++) {
      int pick = rnd.nextInt(12);
      x[i] = pick == 0 ? Double.NaN : pick == 1 ? -0.0 : pick == 2 ? Double.NEGATIVE_INFINITY : rnd.nextInt(20) / 4.0 - 2;
      xNull[i] = rnd.nextInt(15) == 0;
      k[i] = rnd.nextInt(9) == 0 ? null : (long) rnd.nextInt(6) - 3 + (rnd.nextInt(20) == 0 ? Long.MIN_VALUE / 2 : 0);
      s[i] = rnd.nextInt(8) == 0 ? null : rnd.nextInt(7) == 0 ? "" : "s" + rnd.nextInt(5) + (rnd.nextBoolean() ? "é" : "");
      b[i] = rnd.nextBoolean();
    }
    long[] kv = new long[n];
    boolean[] kValid = new boolean[n];
    boolean[] xValid = new boolean[n];
    for (int i = 0; i < n; i++) {
      kv[i] = k[i] == null ? 0 : k[i];
      kValid[i] = k[i] != null;
      xValid[i] = !xNull[i];
    }
    return DataFrame.builder()
        .add("x", dev.parjit.frame.Series.fromArrow(Vectors.ofDoubles("x", x, xValid)))
        .add("k", dev.parjit.frame.Series.fromArrow(Vectors.ofLongs(dev.parjit.frame.DType.INT64, "k", kv, kValid)))
        .add("s", s).add("b", b).build();
  }

  private static List<FieldVector> vectors(DataFrame df, String... names) {
    List<FieldVector> out = new ArrayList<>();
    for (String n : names) out.add(df.column(n).arrowVector());
    return out;
  }

  @Test
  void comparingAcrossFramesAgreesWithSortingTheirConcatenation() {
    Random rnd = new Random(11);
    String[][] keySets = {{"x"}, {"k"}, {"s"}, {"b"}, {"k", "x"}, {"s", "b", "x"}, {"b", "k"}};
    for (int round = 0; round < 56; round++) {
      String[] keys = keySets[round % keySets.length];
      boolean ascending = round / keySets.length % 2 == 0;
      DataFrame a = rows(rnd, rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(40));
      DataFrame b = rows(rnd, 1 + rnd.nextInt(40));
      DataFrame both = DataFrame.concat(a, b);
      int[] order = Sorting.argsort(vectors(both, keys), ascending);
      int[] position = new int[order.length];
      for (int i = 0; i < order.length; i++) position[order[i]] = i;
      KeyOrder oa = KeyOrder.of(vectors(a, keys), ascending);
      KeyOrder ob = KeyOrder.of(vectors(b, keys), ascending);
      int na = a.numRows();
      for (int i = 0; i < na; i++) {
        for (int j = 0; j < b.numRows(); j++) {
          boolean sortsBefore = position[i] < position[na + j];
          int c = oa.compare(i, ob, j);
          assertEquals(sortsBefore, c <= 0, String.join(",", keys) + (ascending ? " ascending" : " descending")
              + ", round " + round + ", rows " + i + " and " + j);
          assertEquals(Integer.signum(c), -Integer.signum(ob.compare(j, oa, i)), "antisymmetric, round " + round);
        }
      }
    }
  }

  /**
   * {@code countBefore} of sorted rows (splitters) agrees with comparing a row with each of them,
   * ties going by row number when there are numbers: one double key without missing values and few
   * splitters (the branch-free path) with many equal keys, and every other kind of key, with more
   * splitters than the linear path takes.
   */
  @Test
  void countBeforeAgreesWithComparingEverySplitter() {
    Random rnd = new Random(3);
    String[][] keySets = {{"x"}, {"k"}, {"s"}, {"k", "x"}, {"s", "b", "x"}};
    for (int round = 0; round < 120; round++) {
      boolean fast = round % 2 == 0;
      String[] keys = fast ? new String[] {"d"} : keySets[round / 2 % keySets.length];
      boolean ascending = round / 4 % 2 == 0;
      DataFrame rows = fast ? fewDoubles(rnd, 1 + rnd.nextInt(60)) : rows(rnd, 1 + rnd.nextInt(60));
      DataFrame pool = fast ? fewDoubles(rnd, 40) : rows(rnd, 40);
      int count = fast ? rnd.nextInt(8) : rnd.nextInt(12);
      int[] sorted = Sorting.argsort(vectors(pool, keys), ascending);
      int[] chosen = new int[count];
      long[] numbers = new long[count];
      for (int s = 0; s < count; s++) {
        chosen[s] = sorted[(s + 1) * sorted.length / (count + 1)];
        numbers[s] = s * 10L + rnd.nextInt(10); // ascending, as a sample's row numbers are among equal keys
      }
      DataFrame cut = dev.parjit.frame.internal.FrameInternals.takeRows(pool, chosen);
      KeyOrder splitters = KeyOrder.of(vectors(cut, keys), ascending);
      KeyOrder order = KeyOrder.of(vectors(rows, keys), ascending);
      long firstRow = rnd.nextInt(50);
      for (long[] rowNumbers : new long[][] {numbers, null}) {
        int[] got = splitters.countBefore(order, rows.numRows(), rowNumbers, firstRow);
        for (int i = 0; i < rows.numRows(); i++) {
          int expected = 0;
          for (int s = 0; s < count; s++) {
            int c = splitters.compare(s, order, i);
            expected += c < 0 || (c == 0 && rowNumbers != null && rowNumbers[s] < firstRow + i) ? 1 : 0;
          }
          assertEquals(expected, got[i], "round " + round + ", row " + i + (rowNumbers == null ? "" : " with row numbers"));
        }
      }
    }
  }

  /** One double key of few distinct values (many ties), no NaN or nulls, some negative zeros. */
  private static DataFrame fewDoubles(Random rnd, int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      int pick = rnd.nextInt(8);
      d[i] = pick == 0 ? -0.0 : pick == 1 ? Double.NEGATIVE_INFINITY : pick == 2 ? Double.MAX_VALUE : pick - 4.5;
    }
    return DataFrame.of("d", d);
  }
}

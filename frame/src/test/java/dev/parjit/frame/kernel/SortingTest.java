package dev.parjit.frame.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.parjit.frame.DataFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * Merging sorted runs gives exactly the stable sort of their concatenation: float keys with NaN,
 * integer keys with nulls, strings with nulls, several keys, both directions, empty runs.
 */
class SortingTest {

  private static DataFrame rows(Random rnd, int n) {
    double[] x = new double[n];
    long[] k = new long[n];
    String[] s = new String[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextInt(10) == 0 ? Double.NaN : rnd.nextInt(20) / 4.0 - 2;
      k[i] = rnd.nextInt(6) - 3;
      s[i] = rnd.nextInt(8) == 0 ? null : "s" + rnd.nextInt(5);
    }
    return DataFrame.builder().add("x", x).add("k", k).add("s", s).build();
  }

  private static List<FieldVector> vectors(DataFrame df, String... names) {
    List<FieldVector> out = new ArrayList<>();
    for (String n : names) out.add(df.column(n).arrowVector());
    return out;
  }

  @Test
  void mergingSortedRunsEqualsSortingTheirConcatenation() {
    Random rnd = new Random(7);
    String[][] keySets = {{"x"}, {"k"}, {"s"}, {"k", "x"}, {"s", "k", "x"}};
    for (int round = 0; round < 40; round++) {
      int runs = 1 + rnd.nextInt(4);
      DataFrame[] sortedRuns = new DataFrame[runs];
      int[] starts = new int[runs];
      String[] keys = keySets[round % keySets.length];
      boolean ascending = round % 2 == 0;
      int total = 0;
      for (int r = 0; r < runs; r++) {
        DataFrame run = rows(rnd, rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(60));
        sortedRuns[r] = run.sortValues(ascending, keys); // the stable argsort's order
        starts[r] = total;
        total += run.numRows();
      }
      DataFrame all = DataFrame.concat(sortedRuns);
      int[] expected = Sorting.argsort(vectors(all, keys), ascending);
      int[] merged = Sorting.mergeRuns(vectors(all, keys), ascending, starts);
      assertArrayEquals(expected, merged, String.join(",", keys) + (ascending ? " ascending" : " descending")
          + ", " + runs + " runs, round " + round);
    }
  }
}

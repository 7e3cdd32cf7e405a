package dev.parjit.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.kernel.Vectors;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filter's result takes its columns from the source on first use, and a join consuming it reads
 * the selected source rows in place: the results equal those of the rows copied first
 * ({@link DataFrame#takeRows}), a filtered Parquet frame decodes only the columns used, and the
 * filtered frame outlives its closed source.
 */
class FilterFusionTest {

  @TempDir
  Path dir;

  private static DataFrame table(Random rnd, int n, boolean nulls) {
    long[] k = new long[n];
    double[] v = new double[n];
    String[] s = new String[n];
    for (int i = 0; i < n; i++) {
      k[i] = rnd.nextInt(50);
      v[i] = rnd.nextDouble();
      s[i] = nulls && i % 7 == 0 ? null : "s" + rnd.nextInt(9);
    }
    return DataFrame.builder().add("k", k).add("v", v).add("s", s).build();
  }

  @Test
  void aJoinOfAFilteredFrameEqualsTheJoinOfTheCopiedRows() {
    Random rnd = new Random(2);
    for (int round = 0; round < 12; round++) {
      DataFrame left = table(rnd, rnd.nextInt(300), round % 2 == 0);
      DataFrame right = table(rnd, rnd.nextInt(80), false).select("k", "s");
      Series mask = left.column("v").gt(0.4);
      int[] rows = Vectors.maskRows(mask.arrowVector());
      for (JoinType how : JoinType.values()) {
        DataFrame fused = left.filter(mask).merge(right, how, "k");
        DataFrame copied = left.takeRows(rows).merge(right, how, "k");
        assertEquals(copied, fused, how + " join, round " + round);
        // a filter of a filter still reads the first source in place
        DataFrame twice = left.filter(mask).filter(left.filter(mask).column("v").lt(0.8)).merge(right, how, "k");
        DataFrame twiceCopied = left.takeRows(rows).filter(left.takeRows(rows).column("v").lt(0.8)).merge(right, how, "k");
        assertEquals(twiceCopied, twice, "filter of a filter, " + how + " join, round " + round);
        // a projection of a filter too
        assertEquals(left.takeRows(rows).select("s", "k").merge(right, how, "k"),
            left.filter(mask).select("s", "k").merge(right, how, "k"), "projected filter, " + how + " join");
      }
    }
  }

  @Test
  void aFilteredFrameOutlivesItsClosedSource() {
    DataFrame src = table(new Random(3), 100, true);
    DataFrame expected = src.takeRows(Vectors.maskRows(src.column("v").lt(0.5).arrowVector()));
    DataFrame filtered = src.filter(src.column("v").lt(0.5));
    src.close();
    assertEquals(expected, filtered);
    assertEquals(expected.toString(), filtered.toString());
    filtered.close();
  }

  @Test
  void aFilteredParquetFrameDecodesOnlyTheColumnsUsed() {
    int n = 50_000;
    double[] a = new double[n];
    double[] b = new double[n];
    double[] c = new double[n];
    double sumKept = 0;
    for (int i = 0; i < n; i++) {
      a[i] = i % 10;
      b[i] = i;
      c[i] = -i;
      sumKept += a[i] < 3 ? b[i] : 0;
    }
    DataFrame.builder().add("a", a).add("b", b).add("c", c).build().toParquet(dir.toString());
    DataFrame df = DataFrame.readParquet(dir.toString());
    DataFrame kept = df.filter(df.column("a").lt(3));
    assertEquals(3 * n / 10, kept.numRows());
    assertEquals(sumKept, kept.column("b").sum());
    assertTrue(df.isDecoded("a") && df.isDecoded("b"));
    assertFalse(df.isDecoded("c"), "the column nobody used after the filter stays undecoded");
    assertArrayEquals(new double[] {0, -1, -2}, kept.column("c").head(3).toDoubleArray());
    df.close();
    kept.close();
  }
}

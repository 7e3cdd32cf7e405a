package dev.parjit.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupByTest {
  static DataFrame sample() {
    return DataFrame.builder()
        .add("k", new String[] {"b", "a", "b", null, "a", "c"})
        .add("x", new double[] {1, 2, 3, 4, Double.NaN, 6})
        .add("n", new long[] {10, 20, 30, 40, 50, 60})
        .add("s", new String[] {"p", "q", "r", "s", "t", "u"})
        .build();
  }

  @Test
  void aggNamesAndValues() {
    DataFrame g = sample().groupBy("k").agg(Agg.sum("x"), Agg.mean("x"), Agg.count("n"), Agg.max("n"));
    assertEquals(List.of("k", "x_sum", "x_mean", "n_count", "n_max"), g.columns());
    assertArrayEquals(new String[] {"a", "b", "c"}, g.column("k").toStringArray());
    assertArrayEquals(new double[] {2, 4, 6}, g.column("x_sum").toDoubleArray());
    assertArrayEquals(new double[] {2, 2, 6}, g.column("x_mean").toDoubleArray());
    assertArrayEquals(new long[] {2, 2, 1}, g.column("n_count").toLongArray());
    assertArrayEquals(new long[] {50, 30, 60}, g.column("n_max").toLongArray());
    assertEquals(DType.INT64, g.column("n_max").dtype());
    assertEquals(List.of("k", "total"), sample().groupBy("k").agg(Agg.sum("n").as("total")).columns());
  }

  @Test
  void shortcutsSkipStrings() {
    DataFrame g = sample().groupBy("k").mean();
    assertEquals(List.of("k", "x", "n"), g.columns());
    assertArrayEquals(new double[] {35, 20, 60}, g.column("n").toDoubleArray());
    assertEquals(List.of("k", "x", "n", "s"), sample().groupBy("k").count().columns());
    assertEquals(DType.INT64, sample().groupBy("k").sum().column("n").dtype());
    assertArrayEquals(new long[] {70, 40, 60}, sample().groupBy("k").sum().column("n").toLongArray());
    assertArrayEquals(new long[] {20, 10, 60}, sample().groupBy("k").min().column("n").toLongArray());
    assertArrayEquals(new long[] {50, 30, 60}, sample().groupBy("k").max().column("n").toLongArray());
    assertArrayEquals(new long[] {1, 2, 1}, sample().groupBy("k").count().column("x").toLongArray());
    DataFrame sd = sample().groupBy("k").std();
    assertEquals(Math.sqrt(2), sd.column("x").getDouble(1), 1e-12);
    assertTrue(Double.isNaN(sd.column("x").getDouble(0)), "one value: NaN");
    assertEquals(200, sample().groupBy("k").var().column("n").getDouble(1), 1e-9);
  }

  @Test
  void multiKeySortedAscending() {
    DataFrame df = DataFrame.builder()
        .add("a", new long[] {2, 1, 2, 1, 2})
        .add("b", new String[] {"y", "z", "x", "z", "y"})
        .add("v", new int[] {1, 2, 3, 4, 5})
        .build();
    DataFrame g = df.groupBy("a", "b").sum();
    assertArrayEquals(new long[] {1, 2, 2}, g.column("a").toLongArray());
    assertArrayEquals(new String[] {"z", "x", "y"}, g.column("b").toStringArray());
    assertArrayEquals(new long[] {6, 3, 6}, g.column("v").toLongArray());
    assertEquals(String.join("\n", "   a  b  v", "0  1  z  6", "1  2  x  3", "2  2  y  6"), g.toString());
  }

  @Test
  void emptyGroupsAndAllNullColumns() {
    DataFrame df = DataFrame.builder()
        .add("k", new long[] {1, 1, 2})
        .add("x", new double[] {Double.NaN, Double.NaN, 1})
        .build();
    DataFrame g = df.groupBy("k").agg(Agg.sum("x"), Agg.mean("x"), Agg.min("x"), Agg.count("x"));
    assertEquals(0, g.column("x_sum").getDouble(0));
    assertTrue(Double.isNaN(g.column("x_mean").getDouble(0)));
    assertTrue(g.column("x_min").isNull(0));
    assertEquals(0, g.column("x_count").getLong(0));
  }

  @Test
  void errors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sample().groupBy("nope"));
    assertTrue(e.getMessage().contains("No column 'nope'"));
    e = assertThrows(IllegalArgumentException.class, () -> sample().groupBy("k").agg(Agg.sum("s")));
    assertTrue(e.getMessage().contains("'s' of dtype object"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> sample().groupBy("k").agg(Agg.sum("x").as("k")));
    assertTrue(e.getMessage().contains("'k'"), e.getMessage());
  }

  @Test
  void floatAndBoolKeys() {
    DataFrame df = DataFrame.builder()
        .add("f", new double[] {1.5, 0.0, -0.0, Double.NaN, 1.5})
        .add("b", new boolean[] {true, false, true, false, true})
        .add("v", new long[] {1, 2, 3, 4, 5})
        .build();
    DataFrame g = df.groupBy("f").agg(Agg.sum("v"));
    assertArrayEquals(new double[] {0.0, 1.5}, g.column("f").toDoubleArray());
    assertArrayEquals(new long[] {5, 6}, g.column("v").toLongArray());
    DataFrame h = df.groupBy("b").agg(Agg.count("v"));
    assertArrayEquals(new long[] {2, 3}, h.column("v").toLongArray());
  }

  /** Ten million rows over ten thousand keys give every key's sum and mean (its speed is the bench's groupby workload). */
  @Test
  void tenMillionRowsTenThousandKeys() {
    int n = 10_000_000;
    int keys = 10_000;
    long[] k = new long[n];
    double[] x = new double[n];
    double[] sums = new double[keys];
    long[] counts = new long[keys];
    for (int i = 0; i < n; i++) {
      k[i] = (i * 7919L) % keys;
      x[i] = i % 13;
      sums[(int) k[i]] += x[i];
      counts[(int) k[i]]++;
    }
    DataFrame df = DataFrame.builder().add("k", k).add("x", x).build();
    DataFrame g = df.groupBy("k").agg(Agg.sum("x"), Agg.mean("x"));
    assertEquals(keys, g.numRows());
    for (int r = 0; r < keys; r++) {
      int key = (int) g.column("k").getLong(r);
      // small integers: every order of addition gives the same sum
      assertEquals(sums[key], g.column("x_sum").getDouble(r), "sum of key " + key);
      assertEquals(sums[key] / counts[key], g.column("x_mean").getDouble(r), 1e-12, "mean of key " + key);
    }
    df.close();
    g.close();
  }
}

package dev.parjit.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFrameTest {
  static DataFrame sample() {
    return DataFrame.builder()
        .add("a", new long[] {1, 2, 3, 4})
        .add("b", new double[] {0.5, 1.5, Double.NaN, 3.5})
        .add("s", new String[] {"w", "x", "y", null})
        .build();
  }

  @Test
  void constructionPaths() {
    DataFrame df = sample();
    assertEquals(4, df.numRows());
    assertEquals(List.of("a", "b", "s"), df.columns());
    assertEquals(DType.INT64, df.column("a").dtype());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", new long[] {1, 2, 3, 4});
    m.put("b", df.column("b"));
    m.put("s", new String[] {"w", "x", "y", null});
    assertEquals(df, DataFrame.of(m));
    assertEquals(df, DataFrame.fromSeries(List.of(df.column("a"), df.column("b"), df.column("s"))));
    assertEquals(DType.INT32, DataFrame.of("i", new int[] {1}).column("i").dtype());
    assertEquals(DType.BOOL, DataFrame.of("z", new boolean[] {true}).column("z").dtype());
    assertEquals(DType.STRING, DataFrame.of("z", new String[] {"q"}).column("z").dtype());
    assertEquals(DType.INT64, DataFrame.of("z", new long[] {1}).column("z").dtype());
  }

  @Test
  void constructionErrors() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", new double[] {1, 2});
    m.put("b", new double[] {1, 2, 3});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataFrame.of(m));
    assertTrue(e.getMessage().contains("'b' has 3 rows") && e.getMessage().contains("'a' has 2"), e.getMessage());
    m.put("b", List.of(1));
    e = assertThrows(IllegalArgumentException.class, () -> DataFrame.of(m));
    assertTrue(e.getMessage().contains("column 'b'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DataFrame.builder().add("a", new long[1]).add("a", new long[1]).build());
    assertTrue(e.getMessage().contains("duplicate column 'a'"));
  }

  @Test
  void missingColumnMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sample().column("x"));
    assertEquals("No column 'x' in DataFrame; columns are [a, b, s]", e.getMessage());
  }

  @Test
  void selectFilterWithColumn() {
    DataFrame df = sample();
    DataFrame sel = df.select("s", "a");
    assertEquals(List.of("s", "a"), sel.columns());
    DataFrame f = df.filter(df.column("a").gt(1.5));
    assertEquals(3, f.numRows());
    assertArrayEquals(new long[] {2, 3, 4}, f.column("a").toLongArray());
    DataFrame w = df.withColumn("c", df.column("a").mul(2));
    assertEquals(List.of("a", "b", "s", "c"), w.columns());
    assertEquals(8, w.column("c").getDouble(3));
    DataFrame r = df.withColumn("a", df.column("b"));
    assertEquals(List.of("a", "b", "s"), r.columns());
    assertEquals(DType.FLOAT64, r.column("a").dtype());
    assertThrows(IllegalArgumentException.class, () -> df.withColumn("z", Series.of("z", new double[] {1})));
    assertThrows(IllegalArgumentException.class, () -> df.filter(df.column("a")));
    assertEquals(List.of("b"), df.drop("a", "s").columns());
  }

  @Test
  void headTailSlice() {
    DataFrame df = sample();
    assertArrayEquals(new long[] {1, 2}, df.head(2).column("a").toLongArray());
    assertArrayEquals(new long[] {3, 4}, df.tail(2).column("a").toLongArray());
    assertArrayEquals(new long[] {2, 3}, df.slice(1, 2).column("a").toLongArray());
    assertEquals(0, df.head(0).numRows());
    assertEquals(4, df.tail(100).numRows());
  }

  @Test
  void reductions() {
    DataFrame df = sample();
    Series sum = df.sum();
    assertEquals(List.of("a", "b"), sum.labels());
    assertEquals(DType.FLOAT64, sum.dtype());
    assertEquals(10, sum.get("a"));
    assertEquals(5.5, sum.get("b"));
    assertEquals(2.5, df.mean().get("a"));
    assertEquals(0.5, df.min().get("b"));
    assertEquals(4, df.max().get("a"));
    Series count = df.count();
    assertEquals(DType.INT64, count.dtype());
    assertEquals(List.of("a", "b", "s"), count.labels());
    assertEquals(3, count.get("s"));
    assertEquals(3, count.get("b"));
    assertEquals(1.2909944487358056, df.std().get("a"), 1e-15);
    assertEquals(1.6666666666666667, df.var().get("a"), 1e-15);
    DataFrame ints = df.select("a");
    assertEquals(DType.INT64, ints.sum().dtype());
    assertEquals(DType.INT64, ints.min().dtype());
    assertEquals(DType.FLOAT64, ints.mean().dtype());
    assertEquals("a    10\ndtype: int64", ints.sum().toString());
  }

  @Test
  void emptyFrames() {
    DataFrame e = sample().head(0);
    assertEquals(0, e.numRows());
    assertEquals(0, e.sum().get("a"));
    assertTrue(Double.isNaN(e.mean().get("b")));
    assertEquals(0, e.count().get("s"));
    assertEquals(0, e.filter(Series.of("m", new boolean[0])).numRows());
    assertEquals(0, e.sortValues("a").numRows());
    assertEquals(0, e.groupBy("s").sum().numRows());
    assertEquals(List.of("s", "a", "b"), e.groupBy("s").sum().columns());
    DataFrame none = DataFrame.builder().build();
    assertEquals(0, none.numRows());
    assertEquals("Empty DataFrame\nColumns: []\nIndex: []", none.toString());
  }

  @Test
  void timestampsColumn() {
    DataFrame df = DataFrame.builder().addTimestamps("t", new long[] {3, 1, 2}).add("x", new double[] {1, 2, 3}).build();
    assertEquals(DType.TIMESTAMP, df.column("t").dtype());
    assertArrayEquals(new long[] {1, 2, 3}, df.sortValues("t").column("t").toLongArray());
    assertEquals(List.of("x"), df.mean().labels());
    assertEquals(1, df.groupBy("t").sum().column("t").getLong(0));
  }

  @Test
  void equalityAndClose() {
    assertEquals(sample(), sample());
    assertEquals(sample().hashCode(), sample().hashCode());
    assertNotEquals(sample(), sample().head(3));
    DataFrame df = sample();
    DataFrame sel = df.select("a");
    df.close();
    assertArrayEquals(new long[] {1, 2, 3, 4}, sel.column("a").toLongArray());
    assertThrows(IllegalStateException.class, () -> df.column("a").getLong(0));
  }

  @Test
  void fromArrowAndBack() {
    DataFrame df = sample();
    List<org.apache.arrow.vector.FieldVector> vs = new java.util.ArrayList<>();
    for (String c : df.columns()) vs.add(dev.parjit.frame.kernel.Vectors.view(df.column(c).arrowVector(), c, 0, df.numRows()));
    assertEquals(df, DataFrame.fromArrow(vs));
  }
}

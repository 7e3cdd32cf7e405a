package dev.parjit.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelationalTest {
  @Test
  void sortIsStableWithNullsLast() {
    DataFrame df = DataFrame.builder()
        .add("k", new double[] {2, Double.NaN, 1, 2, 1})
        .add("i", new long[] {0, 1, 2, 3, 4})
        .build();
    assertArrayEquals(new long[] {2, 4, 0, 3, 1}, df.sortValues("k").column("i").toLongArray());
    assertArrayEquals(new long[] {0, 3, 2, 4, 1}, df.sortValues(false, "k").column("i").toLongArray());
    DataFrame s = DataFrame.builder()
        .add("a", new String[] {"b", null, "a", "b", "ä"})
        .add("n", new long[] {2, 0, 5, 1, 9})
        .build();
    DataFrame sorted = s.sortValues("a", "n");
    assertArrayEquals(new String[] {"a", "b", "b", "ä", null}, sorted.column("a").toStringArray());
    assertArrayEquals(new long[] {5, 1, 2, 9, 0}, sorted.column("n").toLongArray());
    assertThrows(IllegalArgumentException.class, () -> s.sortValues("zz"));
  }

  @Test
  void innerMergeKeepsLeftOrderThenRightOrder() {
    DataFrame left = DataFrame.builder()
        .add("k", new long[] {3, 1, 2, 1})
        .add("v", new double[] {30, 10, 20, 11})
        .build();
    DataFrame right = DataFrame.builder()
        .add("k", new long[] {1, 3, 1, 9})
        .add("v", new double[] {100, 300, 101, 900})
        .add("w", new String[] {"a", "c", "b", "z"})
        .build();
    DataFrame m = left.merge(right, "k");
    assertEquals(List.of("k", "v_x", "v_y", "w"), m.columns());
    assertArrayEquals(new long[] {3, 1, 1, 1, 1}, m.column("k").toLongArray());
    assertArrayEquals(new double[] {30, 10, 10, 11, 11}, m.column("v_x").toDoubleArray());
    assertArrayEquals(new double[] {300, 100, 101, 100, 101}, m.column("v_y").toDoubleArray());
    assertArrayEquals(new String[] {"c", "a", "b", "a", "b"}, m.column("w").toStringArray());
  }

  @Test
  void leftMergeFillsNulls() {
    DataFrame left = DataFrame.builder().add("k", new String[] {"x", "y", null}).add("a", new long[] {1, 2, 3}).build();
    DataFrame right = DataFrame.builder().add("k", new String[] {"y", null}).add("b", new long[] {20, 99}).build();
    DataFrame m = left.merge(right, JoinType.LEFT, "k");
    assertEquals(List.of("k", "a", "b"), m.columns());
    assertEquals(3, m.numRows());
    assertTrue(m.column("b").isNull(0));
    assertEquals(20, m.column("b").getLong(1));
    assertTrue(m.column("b").isNull(2), "null keys never match");
    assertEquals(1, left.merge(right, "k").numRows());
  }

  @Test
  void multiKeyMergeAndIntFloatKeys() {
    DataFrame left = DataFrame.builder().add("a", new long[] {1, 1, 2}).add("b", new String[] {"x", "y", "x"}).build();
    DataFrame right = DataFrame.builder().add("a", new double[] {1, 2}).add("b", new String[] {"y", "x"}).add("c", new int[] {7, 8}).build();
    DataFrame m = left.merge(right, "a", "b");
    assertArrayEquals(new long[] {1, 2}, m.column("a").toLongArray());
    assertEquals(7, m.column("c").getInt(0));
    DataFrame bad = DataFrame.builder().add("a", new String[] {"1"}).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> left.merge(bad, "a"));
    assertTrue(e.getMessage().contains("key 'a'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> left.merge(right, "c"));
    assertTrue(e.getMessage().contains("No column 'c'"), e.getMessage());
  }

  @Test
  void concatChecksSchema() {
    DataFrame a = DataFrame.builder().add("x", new long[] {1, 2}).add("s", new String[] {"p", null}).build();
    DataFrame b = DataFrame.builder().add("x", new long[] {3}).add("s", new String[] {"q"}).build();
    DataFrame c = DataFrame.concat(a, b.head(0), b);
    assertArrayEquals(new long[] {1, 2, 3}, c.column("x").toLongArray());
    assertArrayEquals(new String[] {"p", null, "q"}, c.column("s").toStringArray());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DataFrame.concat(a, DataFrame.builder().add("x", new double[] {1}).add("s", new String[] {"q"}).build()));
    assertTrue(e.getMessage().contains("'x' is float64 in DataFrame 1 but int64"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DataFrame.concat(a, DataFrame.of("x", new long[] {1})));
    assertTrue(e.getMessage().contains("columns [x]"), e.getMessage());
    DataFrame unaligned = DataFrame.concat(a.slice(1, 1), a.slice(1, 1), a);
    assertArrayEquals(new String[] {null, null, "p", null}, unaligned.column("s").toStringArray());
  }

  @Test
  void multiKeyDescendingSortAndTimestamps() {
    DataFrame df = DataFrame.builder()
        .add("a", new int[] {1, 2, 1, 2, 1})
        .add("b", new long[] {5, -3, 7, Long.MIN_VALUE, Long.MAX_VALUE})
        .addTimestamps("t", new long[] {-5, 4, 3, 2, 1})
        .build();
    DataFrame s = df.sortValues(false, "a", "b");
    assertArrayEquals(new long[] {-3, Long.MIN_VALUE, Long.MAX_VALUE, 7, 5}, s.column("b").toLongArray());
    assertArrayEquals(new long[] {-5, 1, 2, 3, 4}, df.sortValues("t").column("t").toLongArray());
    DataFrame d = DataFrame.of("x", new double[] {-0.5, Double.NEGATIVE_INFINITY, 3, -0.0, 1e300, 0.0});
    assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, -0.5, -0.0, 0.0, 3, 1e300}, d.sortValues("x").column("x").toDoubleArray());
  }

  @Test
  void partitionByHashValidates() {
    DataFrame df = DataFrame.of("k", new long[] {1, 2, 3});
    assertThrows(IllegalArgumentException.class, () -> df.partitionByHash(new String[] {"k"}, 0));
    assertThrows(IllegalArgumentException.class, () -> df.partitionByHash(new String[] {"x"}, 2));
    DataFrame[] one = df.partitionByHash(new String[] {"k"}, 1);
    assertEquals(df, one[0]);
    assertEquals(0, df.head(0).partitionByHash(new String[] {"k"}, 4)[2].numRows());
  }

  @Test
  void labelledSeriesBecomePlainColumns() {
    Series labelled = Series.of("x", new double[] {1, 2}).withLabels("p", "q");
    DataFrame df = DataFrame.builder().add("x", labelled).build();
    assertEquals(DataFrame.of("x", new double[] {1, 2}), df);
    assertEquals(DataFrame.of("x", new double[] {1, 2}), DataFrame.fromSeries(List.of(labelled)));
  }
}

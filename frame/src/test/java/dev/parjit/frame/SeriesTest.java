package dev.parjit.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SeriesTest {
  @Test
  void constructorsAndAccessors() {
    Series d = Series.of("d", new double[] {1.5, Double.NaN, -2});
    assertEquals(DType.FLOAT64, d.dtype());
    assertEquals("d", d.name());
    assertEquals(3, d.size());
    assertEquals(1.5, d.getDouble(0));
    assertTrue(d.isNull(1));
    assertEquals(1, d.nullCount());
    assertEquals(2, d.count());

    Series l = Series.of("l", new long[] {Long.MAX_VALUE, -1});
    assertEquals(DType.INT64, l.dtype());
    assertEquals(Long.MAX_VALUE, l.getLong(0));
    assertArrayEquals(new long[] {Long.MAX_VALUE, -1}, l.toLongArray());

    Series i = Series.of("i", new int[] {7, 8});
    assertEquals(DType.INT32, i.dtype());
    assertEquals(8, i.getInt(1));
    assertEquals(7.0, i.getDouble(0));

    Series b = Series.of("b", new boolean[] {true, false});
    assertTrue(b.getBoolean(0));
    assertFalse(b.getBoolean(1));
    assertEquals(1.0, b.getDouble(0));

    Series s = Series.of("s", new String[] {"a", null, "héllo"});
    assertEquals(DType.STRING, s.dtype());
    assertEquals("héllo", s.getString(2));
    assertNull(s.getString(1));
    assertTrue(s.isNull(1));
    assertEquals(2, s.count());

    Series t = Series.ofTimestamps("t", new LocalDateTime[] {LocalDateTime.of(2021, 1, 2, 3, 4, 5, 6000), null});
    assertEquals(DType.TIMESTAMP, t.dtype());
    assertEquals(LocalDateTime.of(2021, 1, 2, 3, 4, 5, 6000), t.getTimestamp(0));
    assertTrue(t.isNull(1));
  }

  @Test
  void accessorErrors() {
    Series s = Series.of("s", new String[] {"a"});
    assertThrows(IllegalArgumentException.class, () -> s.getDouble(0));
    assertThrows(IndexOutOfBoundsException.class, () -> s.getString(1));
    Series d = Series.of("d", new double[] {1});
    assertThrows(IllegalArgumentException.class, () -> d.getLong(0));
    assertThrows(IllegalArgumentException.class, () -> d.getString(0));
  }

  @Test
  void arithmeticAndPromotion() {
    Series a = Series.of("a", new long[] {1, 2, 3});
    Series b = Series.of("b", new long[] {10, 20, 30});
    Series sum = a.add(b);
    assertEquals(DType.INT64, sum.dtype());
    assertNull(sum.name());
    assertArrayEquals(new long[] {11, 22, 33}, sum.toLongArray());
    assertEquals(DType.FLOAT64, a.div(b).dtype());
    assertEquals(0.1, a.div(b).getDouble(0), 1e-15);
    assertEquals(DType.INT32, Series.of("x", new int[] {1}).mul(Series.of("x", new int[] {3})).dtype());
    Series scaled = a.mul(2.5);
    assertEquals(DType.FLOAT64, scaled.dtype());
    assertEquals("a", scaled.name());
    assertArrayEquals(new double[] {2.5, 5, 7.5}, scaled.toDoubleArray());
    assertArrayEquals(new double[] {-9, -18, -27}, a.sub(b).toDoubleArray());
    assertArrayEquals(new double[] {0, 1, 2}, a.sub(1).toDoubleArray());
    assertArrayEquals(new double[] {0.5, 1, 1.5}, a.div(2).toDoubleArray());
    assertArrayEquals(new double[] {2, 3, 4}, a.add(1).toDoubleArray());
  }

  @Test
  void nullsPropagate() {
    Series a = Series.of("a", new double[] {1, Double.NaN, 3});
    Series b = Series.of("b", new double[] {1, 1, 1});
    Series r = a.add(b);
    assertTrue(r.isNull(1));
    assertEquals(4, r.getDouble(2));
  }

  @Test
  void mismatchErrorsNameBothSeries() {
    Series a = Series.of("a", new double[] {1, 2});
    Series b = Series.of("b", new double[] {1, 2, 3});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.add(b));
    assertTrue(e.getMessage().contains("'a' has 2") && e.getMessage().contains("'b' has 3"), e.getMessage());
    Series s = Series.of("s", new String[] {"x", "y"});
    e = assertThrows(IllegalArgumentException.class, () -> a.mul(s));
    assertTrue(e.getMessage().contains("'a' is float64") && e.getMessage().contains("'s' is object"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> a.gt(s));
    assertTrue(e.getMessage().contains("'s' is object"), e.getMessage());
  }

  @Test
  void comparisonsAndLogic() {
    Series a = Series.of("a", new double[] {1, 2, Double.NaN, 4});
    Series gt = a.gt(1.5);
    assertEquals(DType.BOOL, gt.dtype());
    assertArrayEquals(new boolean[] {false, true, false, true}, bools(gt));
    assertArrayEquals(new boolean[] {true, true, false, false}, bools(a.le(2)));
    assertArrayEquals(new boolean[] {true, false, true, true}, bools(a.ne(2)));
    assertArrayEquals(new boolean[] {false, true, false, false}, bools(a.eq(2)));
    assertArrayEquals(new boolean[] {false, true, false, true}, bools(a.ge(2)));
    assertArrayEquals(new boolean[] {true, false, false, false}, bools(a.lt(2)));
    Series b = Series.of("b", new long[] {1, 3, 3, 3});
    assertArrayEquals(new boolean[] {true, false, false, false}, bools(a.eq(b)));
    assertArrayEquals(new boolean[] {false, true, false, false}, bools(a.lt(b)));
    assertArrayEquals(new boolean[] {false, false, false, true}, bools(a.gt(b)));
    assertArrayEquals(new boolean[] {true, false, false, true}, bools(a.ge(b)));
    assertArrayEquals(new boolean[] {true, true, false, false}, bools(a.le(b)));
    assertArrayEquals(new boolean[] {false, true, true, true}, bools(a.ne(b)));
    Series s = Series.of("s", new String[] {"x", "y", null});
    assertArrayEquals(new boolean[] {false, true, false}, bools(s.eq("y")));
    assertArrayEquals(new boolean[] {true, false, true}, bools(s.ne("y")));
    Series p = Series.of("p", new boolean[] {true, true, false, false});
    Series q = Series.of("q", new boolean[] {true, false, true, false});
    assertArrayEquals(new boolean[] {true, false, false, false}, bools(p.and(q)));
    assertArrayEquals(new boolean[] {true, true, true, false}, bools(p.or(q)));
    assertArrayEquals(new boolean[] {false, false, true, true}, bools(p.not()));
    assertThrows(IllegalArgumentException.class, () -> a.and(p));
  }

  @Test
  void reductionsMatchPandas() {
    Series a = Series.of("a", new double[] {1, 2, 3, 4, Double.NaN});
    assertEquals(10, a.sum());
    assertEquals(2.5, a.mean());
    assertEquals(1, a.min());
    assertEquals(4, a.max());
    assertEquals(1.6666666666666667, a.var(), 1e-15);
    assertEquals(Math.sqrt(1.6666666666666667), a.std(), 1e-15);
    assertEquals(4, a.count());
    Series e = Series.of("e", new double[0]);
    assertEquals(0, e.sum());
    assertTrue(Double.isNaN(e.mean()));
    assertTrue(Double.isNaN(e.min()));
    assertTrue(Double.isNaN(e.std()));
    assertEquals(0, e.count());
    Series one = Series.of("o", new long[] {5});
    assertTrue(Double.isNaN(one.var()));
    assertEquals(5, one.sum());
    assertThrows(IllegalArgumentException.class, () -> Series.of("s", new String[] {"a"}).sum());
    assertEquals(1, Series.of("s", new String[] {"a", null}).count());
  }

  @Test
  void headTailSliceFilter() {
    Series a = Series.of("a", new long[] {0, 1, 2, 3, 4});
    assertArrayEquals(new long[] {0, 1}, a.head(2).toLongArray());
    assertArrayEquals(new long[] {3, 4}, a.tail(2).toLongArray());
    assertArrayEquals(new long[] {0, 1, 2}, a.head(-2).toLongArray());
    assertArrayEquals(new long[] {2, 3, 4}, a.tail(-2).toLongArray());
    assertEquals(5, a.head(10).size());
    assertArrayEquals(new long[] {1, 2, 3}, a.slice(1, 3).toLongArray());
    assertThrows(IndexOutOfBoundsException.class, () -> a.slice(3, 3));
    assertArrayEquals(new long[] {0, 2, 4}, a.filter(Series.of("m", new boolean[] {true, false, true, false, true})).toLongArray());
    assertThrows(IllegalArgumentException.class, () -> a.filter(Series.of("m", new boolean[] {true})));
    Series s = Series.of("s", new String[] {"a", "b", null, "d", "e"});
    Series f = s.filter(a.gt(1));
    assertEquals(3, f.size());
    assertNull(f.getString(0));
    assertEquals("e", f.getString(2));
  }

  @Test
  void labelsAndRename() {
    Series a = Series.of("a", new double[] {1, 2}).withLabels("x", "y");
    assertEquals("y", a.label(1));
    assertEquals(2, a.get("y"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.get("z"));
    assertTrue(e.getMessage().contains("[x, y]"));
    Series r = a.rename("b");
    assertEquals("b", r.name());
    assertEquals("b", r.arrowVector().getName());
    assertEquals("x", r.label(0));
    assertEquals("0", Series.of("c", new double[] {1}).label(0));
  }

  @Test
  void closeFreesAndViewsSurvive() {
    Series a = Series.of("a", new double[] {1, 2, 3});
    Series v = a.slice(1, 2);
    a.close();
    a.close();
    assertThrows(IllegalStateException.class, () -> a.getDouble(0));
    assertEquals(3, v.getDouble(1));
    v.close();
  }

  @Test
  void fromArrowTakesOwnership() {
    Series a = Series.of("x", new int[] {1, 2});
    org.apache.arrow.vector.FieldVector v = dev.parjit.frame.kernel.Vectors.view(a.arrowVector(), "y", 0, 2);
    Series b = Series.fromArrow(v);
    assertEquals("y", b.name());
    assertEquals(DType.INT32, b.dtype());
    assertEquals(2, b.getInt(1));
  }

  @Test
  void equality() {
    assertEquals(Series.of("a", new double[] {1, Double.NaN}), Series.of("a", new double[] {1, Double.NaN}));
    assertFalse(Series.of("a", new double[] {1}).equals(Series.of("b", new double[] {1})));
    assertFalse(Series.of("a", new double[] {1}).equals(Series.of("a", new long[] {1})));
  }

  static boolean[] bools(Series s) {
    boolean[] r = new boolean[s.size()];
    for (int i = 0; i < r.length; i++) r[i] = s.getBoolean(i);
    return r;
  }
}

package dev.parjit.frame.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.Agg;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.GroupBy;
import dev.parjit.frame.internal.FrameInternals;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PartitionTest {
  static DataFrame data(int n) {
    Random r = new Random(7);
    long[] k = new long[n];
    String[] s = new String[n];
    double[] x = new double[n];
    int[] i32 = new int[n];
    for (int i = 0; i < n; i++) {
      k[i] = r.nextInt(50);
      s[i] = i % 11 == 0 ? null : "g" + r.nextInt(5);
      x[i] = i % 13 == 0 ? Double.NaN : r.nextDouble() * 100;
      i32[i] = r.nextInt(1000);
    }
    return DataFrame.builder().add("k", k).add("s", s).add("x", x).add("i", i32).build();
  }

  static final Agg[] AGGS = {Agg.sum("x"), Agg.mean("x"), Agg.min("x"), Agg.max("i"), Agg.count("x"), Agg.std("x"),
      Agg.var("i"), Agg.sum("i"), Agg.mean("i").as("im")};

  @Test
  void stableHashIsFixed() {
    // Golden values: these must never change, or ranks of different builds disagree.
    assertEquals(StableHash.fmix64(1), StableHash.hashLong(1));
    assertEquals(StableHash.hashLong(3), StableHash.hashDouble(3.0));
    assertEquals(StableHash.hashDouble(0.0), StableHash.hashDouble(-0.0));
    assertEquals(0xb456bcfc34c2cb2cL, StableHash.fmix64(1));
    byte[] abc = "abc".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(StableHash.fmix64(0xe71fa2190541574bL), StableHash.hashUtf8(abc, 0, 3));
  }

  @Test
  void partitionedGroupByEqualsGlobal() {
    DataFrame df = data(5000);
    for (String[] keys : new String[][] {{"k"}, {"s"}, {"k", "s"}}) {
      DataFrame expected = df.groupBy(keys).agg(AGGS);
      for (int parts : new int[] {1, 3, 8}) {
        DataFrame[] p = FrameInternals.partitionByHash(df, keys, parts);
        int rows = 0;
        List<DataFrame> results = new ArrayList<>();
        for (DataFrame part : p) {
          rows += part.numRows();
          results.add(part.groupBy(keys).agg(AGGS));
        }
        assertEquals(df.numRows(), rows);
        DataFrame together = DataFrame.concat(results.toArray(new DataFrame[0])).sortValues(keys);
        assertClose(expected, together);
      }
    }
  }

  @Test
  void partialsCombinedEqualSequential() {
    DataFrame df = data(3000);
    for (String[] keys : new String[][] {{"k"}, {"s", "k"}}) {
      DataFrame expected = df.groupBy(keys).agg(AGGS);
      for (int[] cuts : ColumnStatsTest.SPLITS) {
        List<DataFrame> partials = new ArrayList<>();
        for (DataFrame piece : ColumnStatsTest.pieces(df.head(1000), cuts)) partials.add(FrameInternals.partials(piece.groupBy(keys), AGGS));
        partials.add(FrameInternals.partials(df.slice(1000, 2000).groupBy(keys), AGGS));
        // partials travel between ranks: through the codec
        List<DataFrame> shipped = new ArrayList<>();
        for (DataFrame p : partials) shipped.add(FrameCodec.decode(FrameCodec.encode(p)));
        DataFrame combined = FrameInternals.combinePartials(DataFrame.concat(shipped.toArray(new DataFrame[0])), keys, AGGS);
        assertClose(expected, combined);
      }
    }
  }

  @Test
  void partitionsAreDisjointByKey() {
    DataFrame df = data(1000);
    DataFrame[] p = FrameInternals.partitionByHash(df, new String[] {"k"}, 4);
    for (int a = 0; a < 4; a++) {
      for (int b = a + 1; b < 4; b++) {
        DataFrame both = p[a].select("k").merge(p[b].select("k"), "k");
        assertEquals(0, both.numRows());
      }
    }
    // an int32 and an int64 column with the same values go to the same parts
    DataFrame i64 = DataFrame.of("k", new long[] {1, 2, 3, 4, 5});
    DataFrame i32 = DataFrame.of("k", new int[] {1, 2, 3, 4, 5});
    DataFrame f64 = DataFrame.of("k", new double[] {1, 2, 3, 4, 5});
    for (int i = 0; i < 3; i++) {
      assertEquals(FrameInternals.partitionByHash(i64, new String[] {"k"}, 3)[i].numRows(), FrameInternals.partitionByHash(i32, new String[] {"k"}, 3)[i].numRows());
      assertEquals(FrameInternals.partitionByHash(i64, new String[] {"k"}, 3)[i].numRows(), FrameInternals.partitionByHash(f64, new String[] {"k"}, 3)[i].numRows());
    }
  }

  /** Same columns, types, keys and counts; floating columns within a relative tolerance. */
  static void assertClose(DataFrame expected, DataFrame actual) {
    assertEquals(expected.columns(), actual.columns());
    assertEquals(expected.numRows(), actual.numRows());
    for (String c : expected.columns()) {
      assertEquals(expected.dtype(c), actual.dtype(c), c);
      if (expected.dtype(c) != dev.parjit.frame.DType.FLOAT64) {
        assertEquals(expected.column(c), actual.column(c), c);
        continue;
      }
      for (int i = 0; i < expected.numRows(); i++) {
        double e = expected.column(c).getDouble(i);
        double a = actual.column(c).getDouble(i);
        assertTrue(Double.isNaN(e) ? Double.isNaN(a) : Math.abs(e - a) <= 1e-9 * Math.abs(e) + 1e-9, c + "[" + i + "]: " + e + " vs " + a);
      }
    }
  }
}

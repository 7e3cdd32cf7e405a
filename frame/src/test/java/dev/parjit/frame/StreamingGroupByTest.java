package dev.parjit.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.io.parquet.ParquetColumnWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group-bys on several integer keys stream through the row groups like single-key ones (the key
 * columns are never decoded whole) and give the vector path's result to the bit.
 */
class StreamingGroupByTest {

  @TempDir
  Path dir;

  /** int64 keys a, b; an int32 key c with nulls; doubles x; int64 l. Small row groups. */
  private Path write(int n) throws Exception {
    long[] a = new long[n];
    long[] b = new long[n];
    double[] x = new double[n];
    long[] l = new long[n];
    IntVector c = new IntVector("c", FrameMemory.allocator());
    c.allocateNew(n);
    for (int i = 0; i < n; i++) {
      a[i] = i * 7L % 5 - 2;
      b[i] = i * 11L % 9;
      x[i] = (i * 37 % 101) / 8.0;
      l[i] = i * 1_000_003L % 77;
      if (i % 13 == 4) {
        c.setNull(i);
      } else {
        c.set(i, i % 4);
      }
    }
    c.setValueCount(n);
    // The series own their vectors: kept reachable until written (a collected series frees its vector).
    List<Series> owners = List.of(Series.of("a", a), Series.of("b", b), Series.of("x", x), Series.of("l", l));
    List<FieldVector> vectors = new ArrayList<>();
    for (Series s : owners) {
      vectors.add(s.arrowVector());
    }
    vectors.add(2, c);
    Path file = dir.resolve("t-" + n + ".parquet");
    ParquetColumnWriter.write(vectors, file, CompressionCodecName.SNAPPY, 700);
    java.lang.ref.Reference.reachabilityFence(owners);
    c.close();
    return file;
  }

  private static DataFrame decoded(Path file) {
    DataFrame df = DataFrame.readParquet(file.toString());
    for (String col : df.columns()) {
      df.column(col).arrowVector(); // decoded: the group-by takes the vector path
    }
    return df;
  }

  private static void assertSame(DataFrame expected, DataFrame actual) {
    assertEquals(expected.columns(), actual.columns());
    assertEquals(expected.numRows(), actual.numRows());
    for (String col : expected.columns()) {
      assertEquals(expected.column(col).arrowVector().getNullCount(), actual.column(col).arrowVector().getNullCount());
      assertArrayEquals(expected.column(col).toDoubleArray(), actual.column(col).toDoubleArray(), col);
    }
    assertEquals(expected.toString(), actual.toString());
  }

  @Test
  void severalIntegerKeysStreamAndMatchTheVectorPath() throws Exception {
    Agg[] aggs = {Agg.sum("x").as("sx"), Agg.mean("x").as("mx"), Agg.min("l").as("nl"), Agg.max("x").as("xx"),
        Agg.count("l").as("cl")};
    for (int n : new int[] {0, 1, 5000}) {
      Path file = write(n);
      for (String[] keys : new String[][] {{"a", "b"}, {"b", "c", "a"}, {"c", "l"}, {"a", "b", "c", "l"}}) {
        DataFrame lazy = DataFrame.readParquet(file.toString());
        assertSame(decoded(file).groupBy(keys).agg(aggs), lazy.groupBy(keys).agg(aggs));
        for (String k : keys) {
          assertFalse(n > 0 && lazy.isDecoded(k), "key " + k + " of " + String.join(",", keys) + " streamed, not decoded"
              + " (" + n + " rows)");
        }
        assertSame(decoded(file).groupBy(keys).partials(aggs), DataFrame.readParquet(file.toString())
            .groupBy(keys).partials(aggs));
      }
    }
    assertTrue(decoded(write(5000)).groupBy("a", "b", "c", "l").agg(aggs).numRows() > 1000,
        "enough groups to grow the map");
  }

  /**
   * Keys that start dense (looked up directly) and later widen past the direct table (hashed from
   * then on), or widen within it (the table rebuilt): the same groups as the vector path. With small
   * row groups the change falls between batches; with one row group of several
   * {@link StreamingGroupBy#SLICE_ROWS} slices, inside a batch.
   */
  @Test
  void keysWideningMidStreamMatchTheVectorPath() throws Exception {
    int n = 5 * StreamingGroupBy.SLICE_ROWS + 123;
    long[] narrow = new long[n];
    long[] wide = new long[n];
    long[] grows = new long[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      narrow[i] = i % 37 - 5;
      wide[i] = i < n / 2 ? i % 50 : (i % 61) * 1_000_000_007L - 3;
      grows[i] = (i % 29) * (i / 700 + 1) * 1000L; // every 700 rows reach further
      x[i] = i % 17 == 3 ? Double.NaN : (i * 37 % 101) / 8.0;
    }
    List<Series> owners = List.of(Series.of("narrow", narrow), Series.of("wide", wide), Series.of("grows", grows),
        Series.of("x", x));
    List<FieldVector> vectors = new ArrayList<>();
    for (Series s : owners) {
      vectors.add(s.arrowVector());
    }
    for (int groupRows : new int[] {700, n}) {
      Path file = dir.resolve("widening-" + groupRows + ".parquet");
      ParquetColumnWriter.write(vectors, file, CompressionCodecName.SNAPPY, groupRows);
      Agg[] aggs = {Agg.sum("x").as("sx"), Agg.mean("x").as("mx"), Agg.min("x").as("nx"), Agg.count("x").as("cx")};
      for (String[] keys : new String[][] {{"wide"}, {"grows"}, {"narrow", "wide"}, {"grows", "narrow"}}) {
        DataFrame lazy = DataFrame.readParquet(file.toString());
        assertSame(decoded(file).groupBy(keys).agg(aggs), lazy.groupBy(keys).agg(aggs));
        assertFalse(lazy.isDecoded(keys[0]), "streamed, not decoded: " + String.join(",", keys));
      }
    }
    java.lang.ref.Reference.reachabilityFence(owners);
  }

  /**
   * Keys the one-pass direct coding must get right at its edges: a key column null for the first
   * slices (no range yet) and then negative; keys at both ends of int64 (a span that overflows);
   * sparse keys; a single key; a key outside the range at the very first and last row of a slice.
   */
  @Test
  void edgeKeysMatchTheVectorPath() throws Exception {
    int n = 3 * StreamingGroupBy.SLICE_ROWS + 57;
    BigIntVector late = new BigIntVector("late", FrameMemory.allocator());
    late.allocateNew(n);
    long[] extreme = new long[n];
    long[] sparse = new long[n];
    long[] one = new long[n];
    long[] edges = new long[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      if (i < StreamingGroupBy.SLICE_ROWS + 3 || i % 11 == 0) {
        late.setNull(i);
      } else {
        late.set(i, -(i % 23) - 1_000);
      }
      extreme[i] = i % 3 == 0 ? Long.MIN_VALUE : i % 3 == 1 ? Long.MAX_VALUE : -1;
      sparse[i] = (i % 40) * 4_000_003L - 77;
      one[i] = 42;
      int s = i % StreamingGroupBy.SLICE_ROWS;
      edges[i] = s == 0 || s == StreamingGroupBy.SLICE_ROWS - 1 ? i : i % 5;
      x[i] = i % 19 == 2 ? Double.NaN : (i * 37 % 101) / 8.0;
    }
    late.setValueCount(n);
    List<Series> owners = List.of(Series.of("extreme", extreme), Series.of("sparse", sparse), Series.of("one", one),
        Series.of("edges", edges), Series.of("x", x));
    List<FieldVector> vectors = new ArrayList<>();
    vectors.add(late);
    for (Series s : owners) {
      vectors.add(s.arrowVector());
    }
    for (int groupRows : new int[] {500, n}) {
      Path file = dir.resolve("edges-" + groupRows + ".parquet");
      ParquetColumnWriter.write(vectors, file, CompressionCodecName.SNAPPY, groupRows);
      Agg[] aggs = {Agg.sum("x").as("sx"), Agg.mean("x").as("mx"), Agg.max("x").as("xx"), Agg.count("x").as("cx")};
      for (String[] keys : new String[][] {{"late"}, {"extreme"}, {"sparse"}, {"one"}, {"edges"}, {"late", "one"},
          {"one", "late"}, {"edges", "late"}, {"extreme", "one"}, {"sparse", "edges"}}) {
        DataFrame lazy = DataFrame.readParquet(file.toString());
        assertSame(decoded(file).groupBy(keys).agg(aggs), lazy.groupBy(keys).agg(aggs));
        assertFalse(lazy.isDecoded(keys[0]), "streamed, not decoded: " + String.join(",", keys));
        assertSame(decoded(file).groupBy(keys).partials(aggs), DataFrame.readParquet(file.toString())
            .groupBy(keys).partials(aggs));
      }
    }
    java.lang.ref.Reference.reachabilityFence(owners);
    late.close();
  }
}

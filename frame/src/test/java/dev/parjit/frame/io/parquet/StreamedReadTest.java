package dev.parjit.frame.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.Agg;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.FrameMemory;
import dev.parjit.frame.Series;
import dev.parjit.frame.internal.FrameInternals;
import dev.parjit.frame.io.FrameIO;
import dev.parjit.frame.kernel.ColumnBatches;
import dev.parjit.frame.kernel.ColumnStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The streamed paths against the simple one (decode whole Arrow vectors, then reduce or group):
 * {@link StatsDecoder} statistics, {@link ArrayDecoder} batches under the streaming group-by, and
 * {@link ChunkPages} reading mapped or buffered chunks, over several row groups, nulls, NaN,
 * all-null pages, dictionary and V2 pages, several codecs and empty files.
 */
class StreamedReadTest {
  static final int N = 20_000;
  static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message m {"
      + " optional int64 k; optional double x; optional int32 n; required int64 l; optional float f;"
      + " optional double gone; }");

  @TempDir Path dir;

  @AfterEach
  void restore() {
    ChunkPages.mapThreshold = 1 << 20;
    MappedFiles.clear();
  }

  static Path write(Path file, int rows, WriterVersion version, boolean dictionary, CompressionCodecName codec)
      throws Exception {
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> w = ParquetMrFiles.writer(file, SCHEMA, version, dictionary, codec, 48 * 1024L, 4 * 1024)) {
      for (int i = 0; i < rows; i++) {
        Group g = groups.newGroup();
        if (i % 11 != 0) {
          g.append("k", (long) ((i * 7919L) % 53 - 20));
        }
        if (i % 7 != 0) {
          g.append("x", i % 13 == 0 ? Double.NaN : (i % 1000) * 0.37 - 100);
        }
        // A long run of nulls: whole pages without values.
        if (i % 5 != 0 && (i < 5000 || i > 9000)) {
          g.append("n", (i * 31) % 2001 - 1000);
        }
        g.append("l", (long) i * 1_000_003L - 7_000_000_000L);
        if (i % 3 != 0) {
          g.append("f", (i % 97) * 0.5f);
        }
        w.write(g);
      }
    }
    return file;
  }

  @ParameterizedTest
  @CsvSource({"PARQUET_1_0, true, SNAPPY, 0", "PARQUET_1_0, false, UNCOMPRESSED, 1048576",
      "PARQUET_2_0, true, ZSTD, 1048576", "PARQUET_2_0, false, SNAPPY, 0", "PARQUET_1_0, false, GZIP, 0"})
  void streamedEqualsDecoded(WriterVersion version, boolean dictionary, CompressionCodecName codec, int mapThreshold)
      throws Exception {
    ChunkPages.mapThreshold = mapThreshold;
    Path file = write(dir.resolve("t.parquet"), N, version, dictionary, codec);
    ParquetDataset ds = ParquetDataset.open(file);
    assertTrue(ds.rowGroups().size() > 2, "several row groups: " + ds.rowGroups().size());
    if (dictionary) {
      var encodings = ParquetFiles.readFooter(file).getBlocks().get(0).getColumns().stream()
          .flatMap(c -> c.getEncodings().stream()).map(Enum::name).toList();
      assertTrue(encodings.stream().anyMatch(e -> e.contains("DICTIONARY")), encodings.toString());
    }
    for (int size = 1; size <= 3; size++) {
      for (int rank = 0; rank < size; rank++) {
        List<RowGroupRef> mine = ParquetDataset.share(ds.rowGroups(), rank, size);
        for (String c : List.of("k", "x", "n", "l", "f", "gone")) {
          checkStats(ds, c, mine);
        }
      }
    }
    checkGroupBy(file);
  }

  private static void checkStats(ParquetDataset ds, String column, List<RowGroupRef> groups) {
    ColumnStats streamed = ParquetColumnReader.stats(ds, column, groups);
    if (groups.isEmpty()) {
      assertNull(streamed);
      return;
    }
    assertNotNull(streamed, column);
    ColumnStats simple;
    FieldVector v = ParquetColumnReader.read(ds, List.of(column), groups, FrameMemory.allocator()).get(0);
    try {
      simple = ColumnStats.of(v);
    } finally {
      v.close();
    }
    String what = column + " over " + groups.size() + " groups";
    assertEquals(simple.integral(), streamed.integral(), what);
    assertEquals(simple.count(), streamed.count(), what);
    assertEquals(simple.longSum(), streamed.longSum(), what);
    assertClose(simple.sum(), streamed.sum(), 1e-12, what + " sum");
    assertClose(simple.m2(), streamed.m2(), 1e-9, what + " m2");
    assertEquals(simple.min(), streamed.min(), 0, what + " min");
    assertEquals(simple.max(), streamed.max(), 0, what + " max");
    if (simple.integral() && simple.count() > 0) {
      assertEquals(simple.longMin(), streamed.longMin(), what);
      assertEquals(simple.longMax(), streamed.longMax(), what);
    }
  }

  private static void assertClose(double expected, double actual, double rel, String what) {
    if (Double.isNaN(expected) || Double.isInfinite(expected)) {
      assertEquals(expected, actual, what);
      return;
    }
    assertEquals(expected, actual, rel * Math.max(1, Math.abs(expected)), what);
  }

  /** The streamed group-by (a lazily read frame) against the vector path (the same rows in memory). */
  private static void checkGroupBy(Path file) {
    Agg[] aggs = {Agg.sum("x"), Agg.of(Agg.Kind.MEAN, "x"), Agg.of(Agg.Kind.COUNT, "x"), Agg.of(Agg.Kind.MIN, "x"),
        Agg.of(Agg.Kind.MAX, "x"), Agg.sum("n").as("n_sum"), Agg.of(Agg.Kind.MEAN, "n").as("n_mean"),
        Agg.of(Agg.Kind.MIN, "n").as("n_min"), Agg.of(Agg.Kind.MAX, "n").as("n_max"),
        Agg.of(Agg.Kind.COUNT, "n").as("n_count"), Agg.sum("l"), Agg.of(Agg.Kind.MEAN, "f"),
        Agg.of(Agg.Kind.MAX, "gone"), Agg.of(Agg.Kind.COUNT, "k").as("k_count")};
    try (DataFrame lazy = FrameIO.readParquet(file.toString());
         DataFrame eager = DataFrame.fromArrow(ParquetColumnReader.read(ParquetDataset.open(file), null,
             ParquetDataset.open(file).rowGroups(), FrameMemory.allocator()))) {
      try (DataFrame a = lazy.groupBy("k").agg(aggs); DataFrame b = eager.groupBy("k").agg(aggs)) {
        assertFramesEqual(b, a);
      }
      try (DataFrame a = FrameInternals.partials(lazy.groupBy("k"), aggs);
          DataFrame b = FrameInternals.partials(eager.groupBy("k"), aggs)) {
        assertFramesEqual(b, a);
      }
      try (DataFrame a = lazy.groupBy("k").mean(); DataFrame b = eager.groupBy("k").mean()) {
        assertFramesEqual(b, a);
      }
      try (DataFrame a = lazy.groupBy("n").sum(); DataFrame b = eager.groupBy("n").sum()) {
        assertFramesEqual(b, a); // an int32 key with nulls
      }
    }
  }

  static void assertFramesEqual(DataFrame expected, DataFrame actual) {
    assertEquals(expected.columns(), actual.columns());
    assertEquals(expected.numRows(), actual.numRows());
    for (String c : expected.columns()) {
      Series e = expected.column(c);
      Series a = actual.column(c);
      assertEquals(e.dtype(), a.dtype(), c);
      assertEquals(e.arrowVector().getNullCount(), a.arrowVector().getNullCount(), c);
      assertArrayEquals(e.toDoubleArray(), a.toDoubleArray(), c);
    }
    assertEquals(expected.toString(), actual.toString());
  }

  /**
   * A thread keeps its scan arrays from one scan to the next ({@link ThreadBuffers}): a later scan
   * with other column types at the same positions must not see an earlier scan's arrays.
   */
  @Test
  void keptScanArraysFollowTheColumnTypes() throws Exception {
    Path file = write(dir.resolve("kept.parquet"), N, WriterVersion.PARQUET_1_0, false, CompressionCodecName.SNAPPY);
    ParquetDataset ds = ParquetDataset.open(file);
    long expected = ParquetColumnReader.stats(ds, "l", ds.rowGroups()).longSum();
    long[] sums = new long[2];
    ParquetColumnReader.scan(ds, List.of("x", "l"), ds.rowGroups(), (rows, cols) -> {
      assertNotNull(cols[0].doubles);
      assertNull(cols[0].longs);
      assertNull(cols[1].doubles);
      for (int i = 0; i < rows; i++) {
        sums[0] += cols[1].longs[i];
      }
    });
    ParquetColumnReader.scan(ds, List.of("l", "x"), ds.rowGroups(), (rows, cols) -> {
      assertNull(cols[0].doubles);
      assertNull(cols[1].longs);
      assertNotNull(cols[1].doubles);
      for (int i = 0; i < rows; i++) {
        sums[1] += cols[0].longs[i];
      }
    });
    assertEquals(expected, sums[0]);
    assertEquals(expected, sums[1]);
  }

  @Test
  void threadBuffersAreKeptAndNotShared() {
    ThreadBuffers outer = ThreadBuffers.take();
    ThreadBuffers nested = ThreadBuffers.take();
    assertTrue(outer != nested, "a read inside a read gets buffers of its own");
    nested.release();
    outer.release();
    ThreadBuffers again = ThreadBuffers.take();
    assertTrue(again == outer, "the last released buffers are kept for the thread's next read");
    ColumnBatches.Column[] two = again.columns(2);
    assertTrue(two[0] == again.columns(1)[0], "columns are reused");
    again.release();
  }

  @Test
  void emptyFileAndEmptyShares() throws Exception {
    Path file = write(dir.resolve("empty.parquet"), 0, WriterVersion.PARQUET_1_0, false, CompressionCodecName.SNAPPY);
    ParquetDataset ds = ParquetDataset.open(file);
    for (String c : List.of("k", "x", "n", "l")) {
      ColumnStats s = ParquetColumnReader.stats(ds, c, ds.rowGroups());
      if (s != null) {
        assertEquals(0, s.count());
      }
    }
    try (DataFrame lazy = FrameIO.readParquet(file.toString())) {
      try (Series m = lazy.mean()) {
        assertEquals(6, m.size());
        assertTrue(Double.isNaN(m.getDouble(1)));
      }
      try (DataFrame g = lazy.groupBy("k").mean()) {
        assertEquals(0, g.numRows());
        assertEquals(List.of("k", "x", "n", "l", "f", "gone"), g.columns());
      }
    }
  }

  @Test
  void filesOfADirectoryAndAReplacedFile() throws Exception {
    ChunkPages.mapThreshold = 0;
    Path d = Files.createDirectories(dir.resolve("parts"));
    write(d.resolve("part-00000.parquet"), 7000, WriterVersion.PARQUET_1_0, false, CompressionCodecName.SNAPPY);
    write(d.resolve("part-00001.parquet"), 5000, WriterVersion.PARQUET_2_0, true, CompressionCodecName.SNAPPY);
    double before;
    try (DataFrame df = FrameIO.readParquet(d.toString()); Series m = df.mean()) {
      before = m.getDouble(3);
      ParquetDataset ds = ParquetDataset.open(d);
      for (String c : List.of("x", "l", "f")) {
        checkStats(ds, c, ds.rowGroups());
      }
    }
    // Rewriting a part (new contents, by rename as our writers do) must not read the old mapping.
    Path tmp = dir.resolve("tmp.parquet");
    write(tmp, 3000, WriterVersion.PARQUET_1_0, false, CompressionCodecName.UNCOMPRESSED);
    Files.move(tmp, d.resolve("part-00001.parquet"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (DataFrame df = FrameIO.readParquet(d.toString()); Series m = df.mean()) {
      assertEquals(10_000, df.numRows());
      double l = 0;
      for (int i = 0; i < 7000; i++) {
        l += (long) i * 1_000_003L - 7_000_000_000L;
      }
      for (int i = 0; i < 3000; i++) {
        l += (long) i * 1_000_003L - 7_000_000_000L;
      }
      assertEquals(l / 10_000, m.getDouble(3), 1e-6);
      assertTrue(before != m.getDouble(3));
    }
  }
}

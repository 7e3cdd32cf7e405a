package dev.parjit.frame.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.FrameMemory;
import dev.parjit.frame.Series;
import dev.parjit.frame.kernel.ColumnStats;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random values (what Snappy stores as literals, so {@link SnappyLiterals} copies the pages, and a
 * sum reads them block by block where they lie, {@link PageRuns}) read from a SNAPPY or UNCOMPRESSED
 * file give exactly what pages copied whole (decompressed by snappy-java) give: vectors, batches and
 * streamed statistics, with nulls, V1 and V2 pages, mapped and read chunks; and what the
 * same rows written UNCOMPRESSED give (sums within rounding: the writer may cut other pages). The
 * test also checks that the file's data pages are mostly literal-only, so the fast path is covered.
 */
class IncompressiblePagesTest {
  static final int N = 60_000;
  static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
      "message m { optional double x; required double y; optional int64 l; optional float f; }");

  @TempDir Path dir;

  @AfterEach
  void restore() {
    SnappyLiterals.enabled = true;
    ChunkPages.readInPlace = true;
    ChunkPages.mapThreshold = 1 << 20;
    MappedFiles.clear();
  }

  private static Path write(Path file, WriterVersion version, CompressionCodecName codec) throws Exception {
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    Random r = new Random(42);
    try (ParquetWriter<Group> w = ParquetMrFiles.writer(file, SCHEMA, version, false, codec, 256 * 1024L, 64 * 1024)) {
      for (int i = 0; i < N; i++) {
        Group g = groups.newGroup();
        double x = r.nextDouble() * 1e6 - 5e5;
        if (r.nextInt(20) != 0) {
          g.append("x", i == 777 ? Double.NaN : x);
        }
        g.append("y", r.nextGaussian());
        if (r.nextInt(3) != 0) {
          g.append("l", r.nextLong() >> 8);
        }
        g.append("f", r.nextFloat());
        w.write(g);
      }
    }
    return file;
  }

  @ParameterizedTest
  @CsvSource({"PARQUET_1_0, 0", "PARQUET_1_0, 1048576", "PARQUET_2_0, 0", "PARQUET_2_0, 1048576"})
  void snappyLiteralPagesReadLikeSnappyJava(WriterVersion version, int mapThreshold) throws Exception {
    ChunkPages.mapThreshold = mapThreshold;
    ParquetDataset snappy = ParquetDataset.open(write(dir.resolve("s.parquet"), version, CompressionCodecName.SNAPPY));
    ParquetDataset plain = ParquetDataset.open(write(dir.resolve("u.parquet"), version, CompressionCodecName.UNCOMPRESSED));
    assertTrue(snappy.rowGroups().size() > 2, "several row groups: " + snappy.rowGroups().size());
    assertTrue(literalOnlyShare(snappy) > 0.5, "most data pages are literal-only");
    for (int size = 1; size <= 3; size++) {
      for (int rank = 0; rank < size; rank++) {
        List<RowGroupRef> s = ParquetDataset.share(snappy.rowGroups(), rank, size);
        List<RowGroupRef> u = ParquetDataset.share(plain.rowGroups(), rank, size);
        inPlace(false);
        Read library = Read.of(snappy, s);
        Read copied = Read.of(plain, u);
        inPlace(true);
        Read literals = Read.of(snappy, s);
        // The same pages, the same additions: equal to the bit.
        literals.assertEquals(library, 0);
        Read.of(plain, u).assertEquals(copied, 0);
        if (size == 1) { // the other file's row groups differ, so only whole reads compare
          literals.assertEquals(Read.of(plain, plain.rowGroups()), 1e-12);
        }
      }
    }
  }

  /** Pages copied whole and decompressed by snappy-java (false), or read where they lie when they can be. */
  private static void inPlace(boolean on) {
    SnappyLiterals.enabled = on;
    ChunkPages.readInPlace = on;
  }

  /** Everything a read of the columns gives: the values, the streamed statistics, batch sums. */
  private record Read(List<double[]> values, List<Long> nulls, List<ColumnStats> stats, List<Double> scan) {
    static final List<String> COLUMNS = List.of("x", "y", "l", "f");

    static Read of(ParquetDataset ds, List<RowGroupRef> groups) {
      List<double[]> values = new ArrayList<>();
      List<Long> nulls = new ArrayList<>();
      List<ColumnStats> stats = new ArrayList<>();
      for (String c : COLUMNS) {
        try (Series x = Series.fromArrow(ParquetColumnReader.read(ds, List.of(c), groups, FrameMemory.allocator()).get(0))) {
          values.add(x.toDoubleArray());
          nulls.add((long) x.arrowVector().getNullCount());
        }
        stats.add(ParquetColumnReader.stats(ds, c, groups, false));
        stats.add(ParquetColumnReader.stats(ds, c, groups, true));
      }
      return new Read(values, nulls, stats, scanSums(ds, groups));
    }

    void assertEquals(Read expected, double rel) {
      for (int i = 0; i < COLUMNS.size(); i++) {
        assertArrayEquals(expected.values.get(i), values.get(i), COLUMNS.get(i));
      }
      org.junit.jupiter.api.Assertions.assertEquals(expected.nulls, nulls);
      for (int i = 0; i < stats.size(); i++) {
        ColumnStats a = expected.stats.get(i);
        ColumnStats b = stats.get(i);
        String what = COLUMNS.get(i / 2) + (i % 2 == 1 ? " (sums only)" : "");
        if (a == null) {
          org.junit.jupiter.api.Assertions.assertEquals(null, b, what);
          continue;
        }
        org.junit.jupiter.api.Assertions.assertEquals(a.count(), b.count(), what);
        org.junit.jupiter.api.Assertions.assertEquals(a.longSum(), b.longSum(), what);
        close(a.sum(), b.sum(), rel, what + " sum");
        close(a.m2(), b.m2(), rel * 1e3, what + " m2");
        org.junit.jupiter.api.Assertions.assertEquals(a.min(), b.min(), 0, what + " min");
        org.junit.jupiter.api.Assertions.assertEquals(a.max(), b.max(), 0, what + " max");
      }
      for (int i = 0; i < scan.size(); i++) {
        close(expected.scan.get(i), scan.get(i), rel, "scan sum " + i);
      }
    }

    private static void close(double expected, double actual, double rel, String what) {
      if (rel == 0 || Double.isNaN(expected)) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual, what);
      } else {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual, rel * Math.max(1, Math.abs(expected)), what);
      }
    }
  }

  private static List<Double> scanSums(ParquetDataset ds, List<RowGroupRef> groups) {
    double[] sums = new double[3];
    ParquetColumnReader.scan(ds, List.of("y", "l", "f"), groups, (rows, cols) -> {
      for (int i = 0; i < rows; i++) {
        sums[0] += cols[0].doubles[i];
        sums[1] += cols[1].longs == null ? cols[1].doubles[i] : cols[1].longs[i];
        sums[2] += cols[2].doubles == null ? cols[2].longs[i] : cols[2].doubles[i];
      }
    });
    List<Double> out = new ArrayList<>();
    for (double s : sums) {
      out.add(s);
    }
    return out;
  }

  /** The fraction of the file's data pages that {@link SnappyLiterals} copies (V1: the whole page). */
  private static double literalOnlyShare(ParquetDataset ds) throws Exception {
    int pages = 0;
    int literal = 0;
    Path file = ds.files().get(0);
    ByteBuffer whole = MappedFiles.get(file);
    for (var block : ds.footer(file).getBlocks()) {
      for (ColumnChunkMetaData c : block.getColumns()) {
        ByteBuffer chunk = whole.duplicate().position((int) c.getStartingPos())
            .limit((int) (c.getStartingPos() + c.getTotalSize())).slice();
        while (chunk.hasRemaining()) {
          PageHeader h = Util.readPageHeader(new java.io.InputStream() {
            @Override
            public int read() {
              return chunk.get() & 0xFF;
            }
          });
          int at = chunk.position();
          chunk.position(at + h.getCompressed_page_size());
          int skip = 0;
          if (h.getType() == PageType.DATA_PAGE_V2) {
            var v2 = h.getData_page_header_v2();
            skip = v2.getRepetition_levels_byte_length() + v2.getDefinition_levels_byte_length();
          } else if (h.getType() != PageType.DATA_PAGE) {
            continue;
          }
          pages++;
          int size = h.getUncompressed_page_size() - skip;
          if (SnappyLiterals.copy(chunk, at + skip, h.getCompressed_page_size() - skip, new byte[size], 0, size, new PageRuns())) {
            literal++;
          }
        }
      }
    }
    assertTrue(pages > 10, pages + " data pages");
    return (double) literal / pages;
  }
}

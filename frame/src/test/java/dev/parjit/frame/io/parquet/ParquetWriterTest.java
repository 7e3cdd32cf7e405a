package dev.parjit.frame.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.io.FrameIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our writer's files, read back by DuckDB (the reference) and by our reader. */
class ParquetWriterTest {
  @TempDir static Path dir;
  static DuckDb db;
  static Path source;
  BufferAllocator alloc = new RootAllocator();

  @BeforeAll
  static void start() throws Exception {
    db = new DuckDb();
    source = dir.resolve("source.parquet");
    db.copy(ParquetInteropTest.table(0, ParquetInteropTest.N), source, "snappy", 10_000);
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @AfterEach
  void close() {
    assertEquals(0, alloc.getAllocatedMemory());
    alloc.close();
  }

  @ParameterizedTest
  @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW"})
  void duckDbReadsIdenticalValues(CompressionCodecName codec) throws Exception {
    ParquetDataset in = ParquetDataset.open(source);
    Path out = dir.resolve("ours_" + codec + ".parquet");
    List<FieldVector> vs = ParquetColumnReader.read(in, null, in.rowGroups(), alloc);
    try {
      ParquetColumnWriter.write(vs, out, codec, 8_000);
    } finally {
      vs.forEach(FieldVector::close);
    }
    List<String> types = db.rows("DESCRIBE SELECT * FROM read_parquet('" + out + "')").stream()
        .map(r -> r[0] + ":" + r[1]).toList();
    assertEquals(List.of("id:BIGINT", "d:DOUBLE", "l:BIGINT", "n:INTEGER", "b:BOOLEAN", "s:VARCHAR",
        "ts:TIMESTAMP", "hi:VARCHAR"), types);
    Object[] counts = db.row("SELECT count(*), count(*) FILTER (WHERE x.d IS DISTINCT FROM y.d OR x.l IS DISTINCT FROM y.l"
        + " OR x.n IS DISTINCT FROM y.n OR x.b IS DISTINCT FROM y.b OR x.s IS DISTINCT FROM y.s"
        + " OR x.ts IS DISTINCT FROM y.ts OR x.hi IS DISTINCT FROM y.hi OR x.id IS NULL OR y.id IS NULL)"
        + " FROM read_parquet('" + source + "') x FULL JOIN read_parquet('" + out + "') y USING (id)");
    assertEquals((long) ParquetInteropTest.N, ((Number) counts[0]).longValue());
    assertEquals(0L, ((Number) counts[1]).longValue(), "rows differing between DuckDB's file and ours");
    Object[] meta = db.row("SELECT count(DISTINCT row_group_id), bool_or(encodings LIKE '%DICTIONARY%' AND path_in_schema = 's')"
        + " FROM parquet_metadata('" + out + "')");
    assertEquals(8L, ((Number) meta[0]).longValue(), "row groups of 8000 rows");
    assertTrue((Boolean) meta[1], "low-cardinality strings are dictionary-encoded");
    // And our own reader agrees with DuckDB on the file we wrote.
    ParquetDataset back = ParquetDataset.open(out);
    Summary s = new Summary();
    List<FieldVector> again = ParquetColumnReader.read(back, null, back.rowGroups(), alloc);
    try {
      s.add(again);
    } finally {
      again.forEach(FieldVector::close);
    }
    Object[] expected = db.row(Summary.query("read_parquet('" + out + "')"));
    for (int i = 0; i < expected.length; i++) {
      assertEquals(((Number) expected[i]).doubleValue(), ((Number) s.scalars()[i]).doubleValue(), "aggregate " + i);
    }
  }

  @Test
  void failedWriteLeavesTargetUntouchedAndNoTemporaryFile() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("atomic"));
    Path target = sub.resolve("t.parquet");
    Files.writeString(target, "previous content");
    try (Float8Vector d = new Float8Vector("d", alloc); SmallIntVector bad = new SmallIntVector("bad", alloc)) {
      d.allocateNew(3);
      d.setValueCount(3);
      bad.allocateNew(3);
      bad.setValueCount(3);
      FrameIOException e = assertThrows(FrameIOException.class,
          () -> ParquetColumnWriter.write(List.of(d, bad), target, CompressionCodecName.SNAPPY, 10));
      assertTrue(e.getMessage().contains("'bad'") && e.getMessage().contains(target.toString()), e.getMessage());
      // A failure in the middle of writing (an unsupported codec) must not leave the temporary file either.
      e = assertThrows(FrameIOException.class,
          () -> ParquetColumnWriter.write(List.of(d), target, CompressionCodecName.LZO, 10));
      assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
    }
    assertEquals("previous content", Files.readString(target));
    try (Stream<Path> files = Files.list(sub)) {
      assertEquals(List.of(target), files.toList());
    }
  }

  @Test
  void overwritesAndWritesEmptyFiles() throws Exception {
    Path target = dir.resolve("empty.parquet");
    try (Float8Vector d = new Float8Vector("d", alloc)) {
      d.allocateNew(0);
      d.setValueCount(0);
      ParquetColumnWriter.write(List.of(d), target, CompressionCodecName.ZSTD, 10);
      ParquetColumnWriter.write(List.of(d), target, CompressionCodecName.ZSTD, 10);
    }
    ParquetDataset ds = ParquetDataset.open(target);
    assertEquals(0, ds.numRows());
    assertEquals(List.of("d"), ds.columnNames());
    assertEquals(0L, ((Number) db.row("SELECT count(*) FROM read_parquet('" + target + "')")[0]).longValue());
    List<FieldVector> vs = ParquetColumnReader.read(ds, null, ds.rowGroups(), alloc);
    assertEquals(0, vs.get(0).getValueCount());
    vs.forEach(FieldVector::close);
    assertFalse(Files.exists(dir.resolve(".empty.parquet.tmp")));
  }
}

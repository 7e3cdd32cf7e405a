package dev.parjit.frame.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files written by Parquet-MR's own example writer: DATA_PAGE_V2 brings DELTA_BINARY_PACKED,
 * DELTA_BYTE_ARRAY and RLE booleans (our fallback path), V1 brings PLAIN_DICTIONARY, and the schema
 * brings required columns, FLOAT, INT96 and TIMESTAMP(MILLIS).
 */
class ParquetMrWriterInteropTest {
  static final int N = 30_000;
  static final long BASE_MICROS = 1_600_000_000_123_456L;

  @TempDir Path dir;
  BufferAllocator alloc = new RootAllocator();

  @AfterEach
  void close() {
    assertEquals(0, alloc.getAllocatedMemory());
    alloc.close();
  }

  static boolean isNull(int i, int stride) {
    return i % stride == 0;
  }

  static long micros(int i) {
    return BASE_MICROS + i * 3_600_000_123L;
  }

  @ParameterizedTest
  @CsvSource({"PARQUET_2_0, true, SNAPPY", "PARQUET_2_0, false, ZSTD", "PARQUET_1_0, true, GZIP",
      "PARQUET_1_0, false, UNCOMPRESSED"})
  void readsParquetMrFiles(WriterVersion version, boolean dictionary, CompressionCodecName codec) throws Exception {
    MessageType schema = MessageTypeParser.parseMessageType("message m {"
        + " required int64 id; optional double d; optional float f; optional int32 n (INTEGER(16,true));"
        + " optional boolean b; optional binary s (STRING); optional binary hi (STRING);"
        + " optional int96 legacy; optional int64 ms (TIMESTAMP(MILLIS,true)); }");
    Path file = dir.resolve("mr.parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> w = ParquetMrFiles.writer(file, schema, version, dictionary, codec, 64 * 1024L, 16 * 1024)) {
      for (int i = 0; i < N; i++) {
        Group g = groups.newGroup().append("id", (long) i);
        if (!isNull(i, 7)) {
          g.append("d", i * 0.25);
        }
        if (!isNull(i, 5)) {
          g.append("f", i * 0.5f);
        }
        if (!isNull(i, 3)) {
          g.append("n", i % 3000 - 1500);
        }
        if (!isNull(i, 4)) {
          g.append("b", i % 8 < 3);
        }
        if (!isNull(i, 9)) {
          g.append("s", "cat" + (i % 5));
        }
        g.append("hi", "value-" + i);
        if (!isNull(i, 6)) {
          long us = micros(i);
          long day = Math.floorDiv(us, 86_400_000_000L);
          long nanos = Math.floorMod(us, 86_400_000_000L) * 1000;
          g.append("legacy", new NanoTime((int) (day + 2_440_588L), nanos));
          g.append("ms", Math.floorDiv(us, 1000));
        }
        w.write(g);
      }
    }
    ParquetDataset ds = ParquetDataset.open(file);
    assertTrue(ds.rowGroups().size() > 1, "several row groups");
    assertTrue(ds.unsupportedColumns().isEmpty());
    var encodings = ParquetFiles.readFooter(file).getBlocks().get(0).getColumns().stream()
        .flatMap(c -> c.getEncodings().stream()).map(Enum::name).distinct().toList();
    if (version == WriterVersion.PARQUET_2_0 && !dictionary) {
      assertTrue(encodings.containsAll(List.of("DELTA_BINARY_PACKED", "DELTA_BYTE_ARRAY")), encodings.toString());
    }
    if (dictionary) {
      assertTrue(encodings.stream().anyMatch(e -> e.contains("DICTIONARY")), encodings.toString());
    }
    for (int size = 1; size <= 3; size++) {
      int next = 0;
      for (int rank = 0; rank < size; rank++) {
        List<FieldVector> vs = ParquetColumnReader.read(ds, null, ParquetDataset.share(ds.rowGroups(), rank, size), alloc);
        try {
          next = check(vs, next);
        } finally {
          vs.forEach(FieldVector::close);
        }
      }
      assertEquals(N, next);
    }
  }

  private static int check(List<FieldVector> vs, int first) {
    BigIntVector id = (BigIntVector) vs.get(0);
    Float8Vector d = (Float8Vector) vs.get(1);
    Float8Vector f = (Float8Vector) vs.get(2);
    IntVector n = (IntVector) vs.get(3);
    BitVector b = (BitVector) vs.get(4);
    VarCharVector s = (VarCharVector) vs.get(5);
    VarCharVector hi = (VarCharVector) vs.get(6);
    TimeStampMicroVector legacy = (TimeStampMicroVector) vs.get(7);
    TimeStampMicroVector ms = (TimeStampMicroVector) vs.get(8);
    for (int r = 0; r < id.getValueCount(); r++) {
      int i = first + r;
      assertEquals(i, id.get(r));
      assertEquals(isNull(i, 7), d.isNull(r));
      if (!isNull(i, 7)) {
        assertEquals(i * 0.25, d.get(r));
      }
      assertEquals(isNull(i, 5), f.isNull(r));
      if (!isNull(i, 5)) {
        assertEquals(i * 0.5f, f.get(r));
      }
      assertEquals(isNull(i, 3), n.isNull(r));
      if (!isNull(i, 3)) {
        assertEquals(i % 3000 - 1500, n.get(r));
      }
      assertEquals(isNull(i, 4), b.isNull(r));
      if (!isNull(i, 4)) {
        assertEquals(i % 8 < 3, b.get(r) == 1, "boolean row " + i);
      }
      assertEquals(isNull(i, 9), s.isNull(r));
      if (!isNull(i, 9)) {
        assertEquals("cat" + (i % 5), new String(s.get(r), StandardCharsets.UTF_8));
      }
      assertFalse(hi.isNull(r));
      assertEquals("value-" + i, new String(hi.get(r), StandardCharsets.UTF_8));
      assertEquals(isNull(i, 6), legacy.isNull(r));
      assertEquals(isNull(i, 6), ms.isNull(r));
      if (!isNull(i, 6)) {
        assertEquals(micros(i), legacy.get(r), "INT96 row " + i);
        assertEquals(Math.floorDiv(micros(i), 1000) * 1000, ms.get(r));
      }
    }
    return first + id.getValueCount();
  }
}

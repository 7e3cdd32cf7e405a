package dev.parjit.frame.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.io.ColumnType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files written by DuckDB, read by us, checked against DuckDB's own aggregates. */
class ParquetInteropTest {
  static final int N = 60_000;

  /** Every type, nulls in every nullable type at different strides, low- and high-cardinality strings. */
  static String table(long from, long to) {
    return "SELECT i AS id,"
        + " CASE WHEN i % 11 = 0 THEN NULL ELSE i * 0.5 END::DOUBLE AS d,"
        + " CASE WHEN i % 13 = 0 THEN NULL ELSE i * 1001 - 7000000 END::BIGINT AS l,"
        + " CASE WHEN i % 17 = 0 THEN NULL ELSE (i % 1000) - 500 END::INTEGER AS n,"
        + " CASE WHEN i % 19 = 0 THEN NULL ELSE i % 3 = 0 END AS b,"
        + " CASE WHEN i % 23 = 0 THEN NULL ELSE 'key' || (i % 7) END AS s,"
        + " CASE WHEN i % 29 = 0 THEN NULL"
        + "   ELSE TIMESTAMP '2021-03-04 05:06:07.123456' + to_microseconds(i * 1234567) END AS ts,"
        + " 'u' || i AS hi"
        + " FROM range(" + from + ", " + to + ") t(i)";
  }

  @TempDir static Path dir;
  static DuckDb db;
  BufferAllocator alloc = new RootAllocator();

  @BeforeAll
  static void start() throws Exception {
    db = new DuckDb();
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @AfterEach
  void checkLeaks() {
    assertEquals(0, alloc.getAllocatedMemory(), "vectors leaked");
    alloc.close();
  }

  static String src(Path p) {
    return "read_parquet('" + p + (Files.isDirectory(p) ? "/*.parquet" : "") + "')";
  }

  /** Reads all groups, then every rank's share for 1..4 ranks, comparing each with DuckDB. */
  void checkAgainstDuckDb(Path path) throws Exception {
    ParquetDataset ds = ParquetDataset.open(path);
    assertEquals(N, ds.numRows());
    assertTrue(ds.rowGroups().size() > 3, "several row groups");
    Object[] expected = db.row(Summary.query(src(path)));
    Map<String, long[]> expectedGroups = new TreeMap<>();
    for (Object[] r : db.rows(Summary.groupQuery(src(path)))) {
      expectedGroups.put((String) r[0], new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
    }
    for (int size = 0; size <= 4; size++) {
      Summary sum = new Summary();
      int ranks = Math.max(size, 1);
      for (int rank = 0; rank < ranks; rank++) {
        List<RowGroupRef> groups = size == 0 ? ds.rowGroups() : ParquetDataset.share(ds.rowGroups(), rank, size);
        List<FieldVector> vs = ParquetColumnReader.read(ds, null, groups, alloc);
        try {
          sum.add(vs);
        } finally {
          vs.forEach(FieldVector::close);
        }
      }
      Object[] got = sum.scalars();
      for (int i = 0; i < got.length; i++) {
        assertEquals(((Number) expected[i]).doubleValue(), ((Number) got[i]).doubleValue(), "aggregate " + i + " for " + size + " ranks");
      }
      assertEquals(expectedGroups.keySet(), sum.groups.keySet());
      expectedGroups.forEach((k, v) -> assertArrayEquals(v, sum.groups.get(k), "group " + k));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"snappy", "zstd", "gzip", "uncompressed"})
  void readsDuckDbFileWithEveryCodec(String codec) throws Exception {
    Path f = dir.resolve("duck_" + codec + ".parquet");
    db.copy(table(0, N), f, codec, 7000);
    checkAgainstDuckDb(f);
  }

  @Test
  void schemaMapsEveryType() throws Exception {
    Path f = dir.resolve("schema.parquet");
    db.copy(table(0, 10), f, "snappy", 7000);
    ParquetDataset ds = ParquetDataset.open(f);
    List<String> types = new ArrayList<>();
    for (Field field : ds.schema().getFields()) {
      types.add(field.getName() + ":" + ColumnType.of(field.getType()));
    }
    assertEquals(List.of("id:INT64", "d:FLOAT64", "l:INT64", "n:INT32", "b:BOOL", "s:STRING", "ts:TIMESTAMP",
        "hi:STRING"), types);
  }

  @Test
  void readsDirectoryOfPartFilesInNameOrder() throws Exception {
    Path d = dir.resolve("parts");
    Files.createDirectories(d);
    // Written out of order, with uneven sizes and codecs; the marker files must be skipped.
    long[] cuts = {0, 5_000, 21_000, 22_000, 47_000, N};
    String[] codecs = {"snappy", "zstd", "gzip", "uncompressed", "snappy"};
    for (int p = cuts.length - 2; p >= 0; p--) {
      db.copy(table(cuts[p], cuts[p + 1]), d.resolve(String.format("part-%05d.parquet", p)), codecs[p], 4000);
    }
    Files.writeString(d.resolve("_SUCCESS"), "");
    Files.writeString(d.resolve(".part-00000.parquet.crc"), "garbage");
    ParquetDataset ds = ParquetDataset.open(d);
    assertEquals(5, ds.files().size());
    checkAgainstDuckDb(d);
  }

  @Test
  void projectionReturnsRequestedColumnsInRequestedOrder() throws Exception {
    Path f = dir.resolve("proj.parquet");
    // A LIST column the reader cannot decode: projecting around it proves it is never decoded.
    db.copy("SELECT i::DOUBLE AS d, [i, i + 1] AS lst, 'k' || (i % 3) AS s FROM range(20000) t(i)", f, "zstd", 3000);
    ParquetDataset ds = ParquetDataset.open(f);
    assertEquals(List.of("d", "s"), ds.columnNames());
    assertTrue(ds.unsupportedColumns().containsKey("lst"));
    List<FieldVector> vs = ParquetColumnReader.read(ds, List.of("s", "d"), ds.rowGroups(), alloc);
    try {
      assertEquals(List.of("s", "d"), vs.stream().map(FieldVector::getName).toList());
      double sum = 0;
      for (int i = 0; i < 20000; i++) {
        sum += ((org.apache.arrow.vector.Float8Vector) vs.get(1)).get(i);
      }
      assertEquals(((Number) db.row("SELECT sum(d) FROM " + src(f))[0]).doubleValue(), sum);
      assertEquals("k2", vs.get(0).getObject(19997).toString());
    } finally {
      vs.forEach(FieldVector::close);
    }
  }

  @Test
  void timestampUnitsConvertToMicros() throws Exception {
    Path f = dir.resolve("ts.parquet");
    db.copy("SELECT t::TIMESTAMP_MS AS ms, t AS us, t::TIMESTAMP_NS AS ns, epoch_us(t::TIMESTAMP_MS) AS ems,"
        + " epoch_us(t) AS eus FROM (SELECT TIMESTAMP '1960-05-06 07:08:09.987654' + to_microseconds(i * 987654321) AS t"
        + " FROM range(5000) r(i))", f, "snappy", 1000);
    ParquetDataset ds = ParquetDataset.open(f);
    for (Field field : ds.schema().getFields().subList(0, 3)) {
      assertEquals(ColumnType.TIMESTAMP, ColumnType.of(field.getType()), field.getName());
    }
    List<FieldVector> vs = ParquetColumnReader.read(ds, null, ds.rowGroups(), alloc);
    try {
      for (int i = 0; i < 5000; i++) {
        long ems = ((org.apache.arrow.vector.BigIntVector) vs.get(3)).get(i);
        long eus = ((org.apache.arrow.vector.BigIntVector) vs.get(4)).get(i);
        assertEquals(ems, ((org.apache.arrow.vector.TimeStampMicroVector) vs.get(0)).get(i));
        assertEquals(eus, ((org.apache.arrow.vector.TimeStampMicroVector) vs.get(1)).get(i));
        assertEquals(eus, ((org.apache.arrow.vector.TimeStampMicroVector) vs.get(2)).get(i));
      }
    } finally {
      vs.forEach(FieldVector::close);
    }
  }
}

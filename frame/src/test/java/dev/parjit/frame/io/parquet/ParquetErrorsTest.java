package dev.parjit.frame.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.io.FrameIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Every failure is one FrameIOException whose message names the file and, where relevant, the column. */
class ParquetErrorsTest {
  @TempDir static Path dir;
  static DuckDb db;
  static Path good;
  BufferAllocator alloc = new RootAllocator();

  @BeforeAll
  static void start() throws Exception {
    db = new DuckDb();
    good = dir.resolve("good.parquet");
    db.copy("SELECT i::DOUBLE AS x, 'v' || i AS y, (i * 1.5)::DECIMAL(18, 3) AS dec FROM range(10000) t(i)",
        good, "uncompressed", 2500);
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @AfterEach
  void close() {
    assertEquals(0, alloc.getAllocatedMemory(), "vectors leaked on failure");
    alloc.close();
  }

  static FrameIOException fails(Executable e, String... mentioned) {
    FrameIOException ex = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(FrameIOException.class, e));
    for (String m : mentioned) {
      assertTrue(ex.getMessage().contains(m), "'" + m + "' missing from: " + ex.getMessage());
    }
    return ex;
  }

  @Test
  void missingFileOrDirectory() {
    Path p = dir.resolve("nope.parquet");
    fails(() -> ParquetDataset.open(p), p.toString());
  }

  @Test
  void emptyDirectory() throws Exception {
    Path d = Files.createDirectories(dir.resolve("empty"));
    Files.writeString(d.resolve("_SUCCESS"), "");
    fails(() -> ParquetDataset.open(d), d.toString(), "no part files");
  }

  @Test
  void missingColumnListsAvailableOnes() {
    ParquetDataset ds = ParquetDataset.open(good);
    fails(() -> ParquetColumnReader.read(ds, List.of("x", "zz"), ds.rowGroups(), alloc), "'zz'", good.toString(), "[x, y]");
  }

  @Test
  void unsupportedColumnNamedWhenRequestedOrReadingAll() {
    ParquetDataset ds = ParquetDataset.open(good);
    assertEquals(List.of("x", "y"), ds.columnNames());
    fails(() -> ParquetColumnReader.read(ds, List.of("dec"), ds.rowGroups(), alloc), "'dec'", good.toString(), "DECIMAL");
    fails(() -> ParquetColumnReader.read(ds, null, ds.rowGroups(), alloc), "'dec'", good.toString());
  }

  @Test
  void truncatedFile() throws Exception {
    byte[] bytes = Files.readAllBytes(good);
    Path t = dir.resolve("truncated.parquet");
    Files.write(t, Arrays.copyOf(bytes, bytes.length / 2));
    fails(() -> ParquetDataset.open(t), t.toString());
  }

  @Test
  void notParquet() throws Exception {
    Path t = dir.resolve("text.parquet");
    Files.writeString(t, "a,b\n1,2\n");
    fails(() -> ParquetDataset.open(t), t.toString());
    Path tiny = dir.resolve("tiny.parquet");
    Files.write(tiny, new byte[] {'P', 'A', 'R'});
    fails(() -> ParquetDataset.open(tiny), tiny.toString());
  }

  @Test
  void corruptPagesNameFileAndColumn() throws Exception {
    byte[] bytes = Files.readAllBytes(good);
    Arrays.fill(bytes, 4, 64, (byte) 0xFF); // the first page header of column x
    Path c = dir.resolve("corrupt.parquet");
    Files.write(c, bytes);
    ParquetDataset ds = ParquetDataset.open(c);
    fails(() -> ParquetColumnReader.read(ds, List.of("y", "x"), ds.rowGroups(), alloc), c.toString(), "'x'");
  }

  @Test
  void schemaMismatchNamesOddPart() throws Exception {
    Path d = Files.createDirectories(dir.resolve("mismatch"));
    db.copy("SELECT i::DOUBLE AS x FROM range(10) t(i)", d.resolve("part-0.parquet"), "snappy", 100);
    db.copy("SELECT i::DOUBLE AS x FROM range(10) t(i)", d.resolve("part-1.parquet"), "snappy", 100);
    db.copy("SELECT i::BIGINT AS x FROM range(10) t(i)", d.resolve("part-2.parquet"), "snappy", 100);
    fails(() -> ParquetDataset.open(d), d.resolve("part-2.parquet").toString(), "x:INT64", "x:FLOAT64");
  }

  @Test
  void shareRejectsBadRank() {
    assertThrows(IllegalArgumentException.class, () -> ParquetDataset.share(List.of(), 2, 2));
  }
}

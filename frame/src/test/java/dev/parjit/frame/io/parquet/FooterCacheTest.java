package dev.parjit.frame.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import dev.parjit.frame.io.FrameIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The footer cache ({@link ParquetFiles#readFooter}) gives a footer parsed earlier only while the
 * file still ends with the bytes it was parsed from: not for a file rewritten in place with the same
 * size and modification time, which a key of path, file identity, size and time could not tell apart.
 */
class FooterCacheTest {

  @TempDir Path dir;

  @Test
  void aFooterIsParsedOnceWhileTheFileIsUnchanged() {
    DataFrame.of("x", new double[] {1, 2, 3}).toParquet(dir.toString());
    Path file = dir.resolve("part-00000.parquet");
    ParquetMetadata first = ParquetFiles.readFooter(file);
    assertSame(first, ParquetFiles.readFooter(file));
  }

  @Test
  void aFileRewrittenInPlaceWithTheSameSizeAndTimeIsReadAgain() throws Exception {
    DataFrame.of("x", new double[] {1, 2, 3}).toParquet(dir.toString());
    Path file = dir.resolve("part-00000.parquet");
    String before = ParquetFiles.readFooter(file).getFileMetaData().getCreatedBy();
    byte[] bytes = Files.readAllBytes(file);
    byte[] name = before.getBytes(StandardCharsets.UTF_8);
    int at = indexOf(bytes, name);
    assertTrue(at > 0, "the writer's name is in the footer");
    FileTime time = Files.getLastModifiedTime(file);
    Object identity = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    bytes[at] = (byte) (bytes[at] == 'Q' ? 'R' : 'Q'); // another writer name of the same length
    Files.write(file, bytes); // in place: same file, same size
    Files.setLastModifiedTime(file, time);
    assertEquals(identity, Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
    String after = ParquetFiles.readFooter(file).getFileMetaData().getCreatedBy();
    assertEquals((char) bytes[at], after.charAt(0), "the footer now in the file, not the cached one: " + after);
  }

  @Test
  void aFooterThatNoLongerParsesFailsNamingTheFile() throws Exception {
    DataFrame.of("x", new double[] {1, 2, 3}).toParquet(dir.toString());
    Path file = dir.resolve("part-00000.parquet");
    try (DataFrame df = DataFrame.readParquet(file.toString()); Series m = df.mean()) {
      assertEquals(2.0, m.getDouble(0));
    }
    byte[] bytes = Files.readAllBytes(file);
    int length = java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    Arrays.fill(bytes, bytes.length - 8 - length, bytes.length - 8, (byte) 0xA5);
    Files.write(file, bytes);
    FrameIOException e = assertThrows(FrameIOException.class, () -> ParquetFiles.readFooter(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  private static int indexOf(byte[] a, byte[] b) {
    outer:
    for (int i = a.length - b.length; i >= 0; i--) {
      for (int j = 0; j < b.length; j++) {
        if (a[i + j] != b[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

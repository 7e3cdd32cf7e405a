package dev.parjit.frame.io.parquet;

import dev.parjit.frame.io.FrameIOException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/** Opening Parquet files through Parquet-MR without a Hadoop file system or configuration. */
final class ParquetFiles {
  private ParquetFiles() {}

  /**
   * Read options shared by every reader: our own codecs (no Hadoop {@code Configuration}), and no
   * filtering, because readers address row groups by their index in the footer.
   */
  static final ParquetReadOptions OPTIONS =
      ParquetReadOptions.builder(new PlainParquetConfiguration())
          .withCodecFactory(ParquetCodecs.INSTANCE)
          .useStatsFilter(false)
          .useDictionaryFilter(false)
          .useRecordFilter(false)
          .useColumnIndexFilter(false)
          .useBloomFilter(false)
          .build();

  /**
   * @param file a Parquet file
   * @return its footer
   * @throws FrameIOException naming the file when it is missing, truncated or not Parquet
   */
  static ParquetMetadata readFooter(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new FrameIOException("Parquet file not found: " + file);
    }
    FooterKey key = FooterKey.of(file);
    ParquetMetadata cached = key == null ? null : FOOTERS.get(key);
    if (cached != null) {
      return cached;
    }
    try (ParquetFileReader r = ParquetFileReader.open(new ChannelInputFile(file), OPTIONS)) {
      ParquetMetadata footer = r.getFooter();
      if (key != null) {
        FOOTERS.put(key, footer);
      }
      return footer;
    } catch (IOException | RuntimeException e) {
      throw new FrameIOException(
          "not a readable Parquet file (truncated or not Parquet): " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A file as it is now: a footer read for it stays valid while the file has the same identity,
   * size and modification time (a part file replaced by rename gets another identity).
   */
  private record FooterKey(Path path, Object fileKey, long size, long modified) {
    static FooterKey of(Path file) {
      try {
        java.nio.file.attribute.BasicFileAttributes a =
            Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        return new FooterKey(file.toAbsolutePath().normalize(), a.fileKey(), a.size(), a.lastModifiedTime().toMillis());
      } catch (IOException e) {
        return null; // read it, uncached: the read names the problem
      }
    }
  }

  /** Footers already parsed, so a job reading the same files call after call parses each once. */
  private static final java.util.Map<FooterKey, ParquetMetadata> FOOTERS = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<FooterKey, ParquetMetadata> eldest) {
          return size() > 512;
        }
      });

  /**
   * @param file a Parquet file whose footer was already read
   * @param footer that footer, so it is not parsed again
   * @return a reader with the shared options; the caller closes it
   */
  static ParquetFileReader open(Path file, ParquetMetadata footer) throws IOException {
    return open(file, footer, OPTIONS);
  }

  /** Opens with the given options, reusing an already-read footer. */
  static ParquetFileReader open(Path file, ParquetMetadata footer, ParquetReadOptions options) throws IOException {
    ChannelInputFile in = new ChannelInputFile(file);
    return new ParquetFileReader(in, footer, options, in.newStream());
  }
}

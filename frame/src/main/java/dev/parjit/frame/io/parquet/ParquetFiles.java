package dev.parjit.frame.io.parquet;

import dev.parjit.frame.io.FrameIOException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
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
    Path key = file.toAbsolutePath().normalize();
    byte[] bytes = FooterBytes.read(key);
    if (bytes != null) {
      Footer cached = FOOTERS.get(key);
      if (cached != null && Arrays.equals(cached.bytes(), bytes)) {
        return cached.footer();
      }
      try {
        ParquetMetadata footer = CONVERTER.readParquetMetadata(new ByteArrayInputStream(bytes), OPTIONS.getMetadataFilter());
        FOOTERS.put(key, new Footer(bytes, footer));
        return footer;
      } catch (IOException | RuntimeException e) {
        // Parquet-MR's own reader below names the problem as it always has.
      }
    }
    try (ParquetFileReader r = ParquetFileReader.open(new ChannelInputFile(file), OPTIONS)) {
      return r.getFooter();
    } catch (IOException | RuntimeException e) {
      throw new FrameIOException(
          "not a readable Parquet file (truncated or not Parquet): " + file + ": " + e.getMessage(), e);
    }
  }

  private static final ParquetMetadataConverter CONVERTER = new ParquetMetadataConverter(OPTIONS);

  /**
   * A parsed footer with the bytes it was parsed from. A footer is reused only while the file still
   * ends with exactly those bytes: a key of path, size and modification time would return a stale
   * footer for a file rewritten in place with the same size within one tick of the file system's
   * clock (a few milliseconds), or whose time a tool restored; equal footer bytes mean equal row
   * groups, offsets and schema whatever happened to the file, and reading them back is one small read
   * of pages the call reads anyway.
   */
  private record Footer(byte[] bytes, ParquetMetadata footer) {}

  /** Footers already parsed, so a job reading the same files call after call parses each once. */
  private static final java.util.Map<Path, Footer> FOOTERS = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Path, Footer> eldest) {
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

package dev.parjit.frame.io.parquet;

import dev.parjit.frame.io.ColumnType;
import dev.parjit.frame.io.FrameIOException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes Arrow vectors as one Parquet file through Parquet-MR's column-level API
 * ({@link ColumnWriteStore} over a {@link ColumnChunkPageWriteStore}, assembled by
 * {@link ParquetFileWriter}); no record or {@code Group} objects are built.
 *
 * <p>Every column is OPTIONAL (nulls come from Arrow validity). Types: FLOAT64 as DOUBLE, INT64 as
 * INT64, INT32 as INT32, BOOL as BOOLEAN, STRING as BYTE_ARRAY (STRING), TIMESTAMP as INT64
 * TIMESTAMP(MICROS, not adjusted to UTC). Strings are dictionary-encoded; Parquet-MR falls back to
 * PLAIN for a chunk when the dictionary grows too large or does not compress, so high-cardinality
 * strings cost nothing extra. Other types are PLAIN: dictionaries rarely pay for numbers.
 *
 * <p>The file is written under a hidden temporary name in the target directory and renamed into
 * place atomically, so readers (and a failed write) never see a partial file.
 */
public final class ParquetColumnWriter {
  /** Rows per column written before rows are closed: column-wise inner loops, bounded page overshoot. */
  private static final int BLOCK = 4096;

  private ParquetColumnWriter() {}

  /**
   * @param columns equally long vectors of the frame types; vector names become column names
   * @param file the file to create or replace
   * @param codec page compression (UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW)
   * @param rowGroupRows rows per row group (the last one may be smaller)
   * @throws FrameIOException naming the file (and column) on unsupported types, unequal lengths,
   *     duplicate names or an I/O failure; the target is then left untouched
   */
  public static void write(List<FieldVector> columns, Path file, CompressionCodecName codec, int rowGroupRows) {
    if (rowGroupRows <= 0) {
      throw new FrameIOException("rowGroupRows must be positive, got " + rowGroupRows + " for " + file);
    }
    MessageType schema = schema(columns, file);
    int rows = columns.isEmpty() ? 0 : columns.get(0).getValueCount();
    ParquetProperties.Builder pb = ParquetProperties.builder()
        .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
        .withDictionaryEncoding(false);
    for (FieldVector v : columns) {
      if (ColumnType.of(v.getField().getType()) == ColumnType.STRING) {
        pb.withDictionaryEncoding(v.getName(), true);
      }
    }
    ParquetProperties props = pb.build();
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    Path tmp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      BytesInputCompressor compressor;
      try {
        compressor = ParquetCodecs.INSTANCE.getCompressor(codec);
      } catch (UnsupportedOperationException e) {
        throw new FrameIOException("cannot write " + file + ": " + e.getMessage());
      }
      ParquetFileWriter writer = new ParquetFileWriter(new LocalOutputFile(tmp), schema,
          ParquetFileWriter.Mode.CREATE, Long.MAX_VALUE, 0, props.getColumnIndexTruncateLength(),
          props.getStatisticsTruncateLength(), false);
      writer.start();
      for (int start = 0; start < rows; start += rowGroupRows) {
        writeRowGroup(writer, schema, props, compressor, columns, start, Math.min(rowGroupRows, rows - start));
      }
      writer.end(Map.of());
      Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (FrameIOException e) {
      deleteQuietly(tmp);
      throw e;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp);
      throw new FrameIOException("cannot write Parquet file " + file + ": " + e, e);
    }
  }

  private static MessageType schema(List<FieldVector> columns, Path file) {
    List<Type> fields = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (FieldVector v : columns) {
      ColumnType t = ColumnType.of(v.getField().getType());
      if (t == null) {
        throw new FrameIOException("cannot write column '" + v.getName() + "' to " + file
            + ": unsupported Arrow type " + v.getField().getType());
      }
      if (!names.add(v.getName())) {
        throw new FrameIOException("cannot write " + file + ": duplicate column name '" + v.getName() + "'");
      }
      if (v.getValueCount() != columns.get(0).getValueCount()) {
        throw new FrameIOException("cannot write " + file + ": column '" + v.getName() + "' has "
            + v.getValueCount() + " rows, column '" + columns.get(0).getName() + "' has "
            + columns.get(0).getValueCount());
      }
      fields.add(ParquetTypes.parquetType(t, v.getName()));
    }
    return new MessageType("schema", fields);
  }

  private static void writeRowGroup(ParquetFileWriter writer, MessageType schema, ParquetProperties props,
      BytesInputCompressor compressor, List<FieldVector> columns, int start, int rows) throws IOException {
    try (ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(compressor, schema,
            props.getAllocator(), props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled());
        ColumnWriteStore store = props.newColumnWriteStore(schema, pages, pages)) {
      List<ColumnDescriptor> descriptors = schema.getColumns();
      ColumnWriter[] writers = new ColumnWriter[columns.size()];
      for (int c = 0; c < writers.length; c++) {
        writers[c] = store.getColumnWriter(descriptors.get(c));
      }
      for (int b = start; b < start + rows; b += BLOCK) {
        int end = Math.min(b + BLOCK, start + rows);
        for (int c = 0; c < writers.length; c++) {
          ColumnValues.write(columns.get(c), writers[c], b, end);
        }
        for (int r = b; r < end; r++) {
          store.endRecord();
        }
      }
      store.flush();
      writer.startBlock(rows);
      pages.flushToFileWriter(writer);
      writer.endBlock();
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // The temporary name is hidden from ParquetDataset; nothing else to do.
    }
  }
}

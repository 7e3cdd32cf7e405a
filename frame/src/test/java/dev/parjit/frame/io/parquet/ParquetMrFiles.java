package dev.parjit.frame.io.parquet;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Test files written by Parquet-MR itself (not by our writer), so the reader is checked against
 * the layouts another tool produces: one place for the writer set-up the reader tests share.
 */
final class ParquetMrFiles {

  private ParquetMrFiles() {
  }

  /** A Parquet-MR writer of {@code schema} rows into {@code file}, without Hadoop's file system. */
  static ParquetWriter<Group> writer(Path file, MessageType schema, WriterVersion version, boolean dictionary,
      CompressionCodecName codec, long rowGroupBytes, int pageBytes) throws IOException {
    return ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration())
        .withCodecFactory(ParquetCodecs.INSTANCE)
        .withCompressionCodec(codec)
        .withType(schema)
        .withWriterVersion(version)
        .withDictionaryEncoding(dictionary)
        .withRowGroupSize(rowGroupBytes)
        .withPageSize(pageBytes)
        .build();
  }
}

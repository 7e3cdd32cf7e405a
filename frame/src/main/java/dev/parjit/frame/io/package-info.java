/**
 * Columnar file I/O for the frame module: files in, Apache Arrow {@code FieldVector}s out, and back.
 *
 * <p>Entry points: {@link dev.parjit.frame.io.parquet.ParquetDataset} (open a file or a directory of
 * part files) with {@link dev.parjit.frame.io.parquet.ParquetColumnReader} and
 * {@link dev.parjit.frame.io.parquet.ParquetColumnWriter}; {@link dev.parjit.frame.io.csv.CsvReader}
 * for CSV. Every failure surfaces as a {@link dev.parjit.frame.io.FrameIOException} naming the file
 * and, where relevant, the column. Vectors are allocated from a caller-supplied
 * {@code BufferAllocator} and owned by the caller.
 */
package dev.parjit.frame.io;

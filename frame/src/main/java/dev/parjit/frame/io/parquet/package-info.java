/**
 * Parquet I/O on Apache Arrow vectors. Entry point: {@link dev.parjit.frame.io.parquet.ParquetDataset#open}
 * (footers of a file or a directory of part files), then
 * {@link dev.parjit.frame.io.parquet.ParquetColumnReader#read} for all row groups or a rank's
 * {@link dev.parjit.frame.io.parquet.ParquetDataset#share}; write with
 * {@link dev.parjit.frame.io.parquet.ParquetColumnWriter#write}.
 *
 * <p>Parquet-MR does the file layout (footers, page headers, decompression through our
 * Hadoop-free {@code ParquetCodecs}); this package decodes pages in bulk into Arrow buffers.
 */
package dev.parjit.frame.io.parquet;

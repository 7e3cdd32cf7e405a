package dev.parjit.frame.io;

import dev.parjit.frame.DType;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.FrameMemory;
import dev.parjit.frame.Series;
import dev.parjit.frame.internal.FrameInternals;
import dev.parjit.frame.io.csv.CsvReader;
import dev.parjit.frame.io.csv.CsvSchema;
import dev.parjit.frame.io.parquet.ParquetColumnReader;
import dev.parjit.frame.io.parquet.ParquetColumnWriter;
import dev.parjit.frame.io.parquet.ParquetDataset;
import dev.parjit.frame.io.parquet.RowGroupRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Frames from and to files: the sequential {@code DataFrame.readParquet/readCsv/toParquet}, and the
 * per-rank pieces the distributed versions read and write.
 */
public final class FrameIO {

  /** Row group size of written files. */
  public static final int ROW_GROUP_ROWS = 1 << 20;

  private FrameIO() { }

  /**
   * The rows of the given row groups, only the named columns ({@code null}: all). Columns are
   * decoded when first used, so a method that selects two of twenty columns decodes two; a
   * missing or unsupported column fails here, naming the file and the column.
   */
  public static DataFrame readParquet(ParquetDataset ds, List<String> columns, List<RowGroupRef> groups) {
    List<String> names = columns == null ? ds.columnNames() : List.copyOf(columns);
    if (columns == null && !ds.unsupportedColumns().isEmpty()) {
      ParquetColumnReader.read(ds, null, List.of(), FrameMemory.allocator()); // fails naming the column
    }
    List<DType> types = new ArrayList<>(names.size());
    for (String name : names) {
      org.apache.arrow.vector.types.pojo.Field field = ds.fields().stream()
          .filter(f -> f.getName().equals(name)).findFirst().orElse(null);
      if (field == null) {
        // The reader's message names the file, the column and the available ones.
        ParquetColumnReader.read(ds, List.of(name), List.of(), FrameMemory.allocator());
        throw new FrameIOException("no column '" + name + "' in " + ds.path() + "; columns are " + ds.columnNames());
      }
      types.add(DType.valueOf(ColumnType.of(field.getType()).name()));
    }
    long rows = 0;
    for (RowGroupRef g : groups) {
      rows += g.rowCount();
    }
    if (rows > Integer.MAX_VALUE) {
      throw new FrameIOException(ds.path() + " has " + rows + " rows in one frame; at most " + Integer.MAX_VALUE
          + " fit (read it inside @Jit code over several ranks)");
    }
    List<RowGroupRef> mine = List.copyOf(groups);
    return FrameInternals.deferred(names, types, (int) rows,
        i -> Series.fromArrow(ParquetColumnReader.read(ds, List.of(names.get(i)), mine, FrameMemory.allocator()).get(0)),
        (i, sumsOnly) -> streamedStats(ds, names.get(i), mine, sumsOnly),
        new dev.parjit.frame.kernel.ColumnBatches() {
          @Override
          public boolean supports(List<String> cols) {
            return ParquetColumnReader.scannable(ds, cols, mine);
          }

          @Override
          public void scan(List<String> cols, Sink sink) {
            ParquetColumnReader.scan(ds, cols, mine, sink);
          }
        });
  }

  /**
   * A column's statistics, streamed from its pages (numeric columns), else one row group at a
   * time: the memory of one group, reused.
   */
  private static dev.parjit.frame.kernel.ColumnStats streamedStats(ParquetDataset ds, String column,
      List<RowGroupRef> groups, boolean sumsOnly) {
    dev.parjit.frame.kernel.ColumnStats acc = ParquetColumnReader.stats(ds, column, groups, sumsOnly);
    if (acc != null) {
      return acc;
    }
    for (RowGroupRef g : groups) {
      FieldVector v = ParquetColumnReader.read(ds, List.of(column), List.of(g), FrameMemory.allocator()).get(0);
      try {
        dev.parjit.frame.kernel.ColumnStats part = dev.parjit.frame.kernel.ColumnStats.of(v);
        acc = acc == null ? part : acc.merge(part);
      } finally {
        v.close();
      }
    }
    if (acc == null) {
      // No rows here: the statistics of an empty column of this type.
      FieldVector empty = ParquetColumnReader.read(ds, List.of(column), List.of(), FrameMemory.allocator()).get(0);
      try {
        acc = dev.parjit.frame.kernel.ColumnStats.of(empty);
      } finally {
        empty.close();
      }
    }
    return acc;
  }

  /** A whole Parquet file or directory of part files. */
  public static DataFrame readParquet(String path, String... columns) {
    ParquetDataset ds = ParquetDataset.open(Path.of(path));
    return readParquet(ds, columns.length == 0 ? null : Arrays.asList(columns), ds.rowGroups());
  }

  /** A whole CSV file, types inferred from its first lines. */
  public static DataFrame readCsv(String path) {
    Path file = Path.of(path);
    CsvSchema schema = CsvReader.infer(file);
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new FrameIOException("cannot read CSV file " + file + ": " + e.getMessage(), e);
    }
    return DataFrame.fromArrow(CsvReader.read(file, 0, size, schema, FrameMemory.allocator()));
  }

  /** The byte range {@code [start, end)} of a CSV file (lines starting inside it), with a shared schema. */
  public static DataFrame readCsv(Path file, long start, long end, CsvSchema schema) {
    return DataFrame.fromArrow(CsvReader.read(file, start, end, schema, FrameMemory.allocator()));
  }

  /**
   * Removes the part files ({@code part-*.parquet}) an earlier write left in {@code dir}, so a
   * directory always holds exactly one write's parts.
   */
  public static void clearParts(String dir) {
    Path directory = Path.of(dir);
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (var files = Files.list(directory)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (name.startsWith("part-") && name.endsWith(".parquet")) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      throw new FrameIOException("cannot clear directory " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code df} as the part file {@code part-NNNNN.parquet} of directory {@code dir}
   * (SNAPPY). The directory is created if needed; the file appears atomically.
   */
  public static Path writePart(DataFrame df, String dir, int part) {
    Path directory = Path.of(dir);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new FrameIOException("cannot create directory " + directory + ": " + e.getMessage(), e);
    }
    Path file = directory.resolve(String.format("part-%05d.parquet", part));
    List<FieldVector> vectors = new ArrayList<>();
    for (String c : df.columns()) {
      Series s = df.column(c);
      vectors.add(s.arrowVector());
    }
    ParquetColumnWriter.write(vectors, file, CompressionCodecName.SNAPPY, ROW_GROUP_ROWS);
    java.lang.ref.Reference.reachabilityFence(df);
    return file;
  }

  /**
   * Deletes a part file {@link #writePart} wrote, after another rank's part failed: the directory
   * must not hold a partial write. A file that cannot be deleted is named in the exception.
   */
  public static void removePart(Path part) {
    try {
      Files.deleteIfExists(part);
    } catch (IOException e) {
      throw new FrameIOException("cannot remove part file " + part + " of a failed write: " + e.getMessage(), e);
    }
  }
}

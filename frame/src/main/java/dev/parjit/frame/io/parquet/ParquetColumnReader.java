package dev.parjit.frame.io.parquet;

import dev.parjit.frame.io.FrameIOException;
import dev.parjit.frame.kernel.ColumnBatches;
import dev.parjit.frame.kernel.ColumnStats;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;

/**
 * Reads columns of a {@link ParquetDataset} into Arrow vectors, decoding whole pages in bulk.
 *
 * <p>{@link ChunkPages} reads the requested column chunks of a row group (projection: other columns
 * are never read from disk) and decompresses pages into a reused array; {@link ChunkDecoder}s then
 * decode each page straight into the vectors' buffers. Vectors are sized once for all requested groups, so no
 * buffer is copied or grown except the string data buffer.
 */
public final class ParquetColumnReader {
  private ParquetColumnReader() {}

  /**
   * Reads the given columns of the given row groups, concatenated in list order.
   *
   * @param ds the dataset
   * @param columns column names, in the order wanted; {@code null} for every column of the files
   * @param groups row groups of {@code ds} (for example {@link ParquetDataset#share})
   * @param alloc allocator of the returned vectors
   * @return one vector per column, named after it, with as many rows as the groups hold; the caller
   *     owns (and closes) them
   * @throws FrameIOException naming the column when it is missing (listing the available ones) or
   *     unsupported, and naming the file and column when a page cannot be read
   */
  public static List<FieldVector> read(
      ParquetDataset ds, List<String> columns, List<RowGroupRef> groups, BufferAllocator alloc) {
    List<Field> fields = resolve(ds, columns);
    long total = 0;
    for (RowGroupRef g : groups) {
      total += g.rowCount();
    }
    if (total > Integer.MAX_VALUE - 1) {
      throw new FrameIOException(total + " rows of " + ds.path() + " do not fit one Arrow vector; read fewer row groups");
    }
    List<FieldVector> vectors = new ArrayList<>();
    try {
      for (Field f : fields) {
        FieldVector v = f.createVector(alloc);
        vectors.add(v);
        allocate(v, (int) total, stringBytes(ds, f.getName(), groups));
      }
      ThreadBuffers buffers = ThreadBuffers.take();
      try {
        long row = 0;
        for (List<RowGroupRef> run : byFile(groups)) {
          row = readFile(ds, run.get(0).file(), run, fields, vectors, row, buffers.scratch);
        }
      } finally {
        buffers.release();
      }
      for (FieldVector v : vectors) {
        if (v instanceof BaseVariableWidthVector s) {
          s.setLastSet((int) total - 1);
        }
        v.setValueCount((int) total);
      }
      return vectors;
    } catch (RuntimeException | Error e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
  }

  /**
   * The reduction statistics of one column over the given row groups, computed page by page
   * without materialising the column ({@link StatsDecoder}).
   *
   * @return the statistics, or {@code null} when there are no groups or the column's physical type
   *     (in any of the files involved) is not one the streamed path handles: the caller decodes
   *     vectors instead
   * @throws FrameIOException as {@link #read}
   */
  public static ColumnStats stats(ParquetDataset ds, String column, List<RowGroupRef> groups) {
    return stats(ds, column, groups, false);
  }

  /** As {@link #stats(ParquetDataset, String, List)}; {@code sumsOnly}: see {@code ColumnStatsSource}. */
  public static ColumnStats stats(ParquetDataset ds, String column, List<RowGroupRef> groups, boolean sumsOnly) {
    resolve(ds, List.of(column));
    Map<Path, ColumnDescriptor> descriptors = new LinkedHashMap<>();
    for (RowGroupRef g : groups) {
      if (!descriptors.containsKey(g.file())) {
        ColumnDescriptor d = ds.footer(g.file()).getFileMetaData().getSchema().getColumnDescription(new String[] {column});
        if (!StatsDecoder.supports(d)) {
          return null;
        }
        descriptors.put(g.file(), d);
      }
    }
    ColumnStats acc = null;
    ThreadBuffers buffers = ThreadBuffers.take();
    try {
      ChunkPages.Scratch scratch = buffers.scratch;
      for (List<RowGroupRef> run : byFile(groups)) {
        Path file = run.get(0).file();
        ParquetMetadata footer = ds.footer(file);
        ColumnDescriptor d = descriptors.get(file);
        StatsDecoder decoder = StatsDecoder.create(d, sumsOnly);
        int group = -1;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
          ByteBuffer whole = MappedFiles.get(file);
          for (RowGroupRef g : run) {
            group = g.index();
            BlockMetaData block = block(footer, file, g);
            if (g.rowCount() == 0) {
              continue;
            }
            try (ChunkPages pages = ChunkPages.open(ch, whole, chunk(block, d), scratch)) {
              decoder.readChunk(pages, 0, g.rowCount());
            }
          }
        } catch (FrameIOException e) {
          throw e;
        } catch (Exception e) {
          throw new FrameIOException("cannot read column '" + column + "' of Parquet file " + file
              + (group >= 0 ? " (row group " + group + ")" : "") + ": " + e, e);
        }
        acc = acc == null ? decoder.stats() : acc.merge(decoder.stats());
      }
    } finally {
      buffers.release();
    }
    return acc;
  }

  /**
   * Whether {@link #scan} can deliver these columns of these groups' files as primitive arrays.
   */
  public static boolean scannable(ParquetDataset ds, List<String> columns, List<RowGroupRef> groups) {
    for (String c : columns) {
      if (ds.fields().stream().noneMatch(f -> f.getName().equals(c))) {
        return false;
      }
    }
    Set<Path> files = new HashSet<>();
    for (RowGroupRef g : groups) {
      if (files.add(g.file())) {
        MessageType schema = ds.footer(g.file()).getFileMetaData().getSchema();
        for (String c : columns) {
          if (StatsDecoder.source(schema.getColumnDescription(new String[] {c})) == null) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * Streams the given ({@link #scannable}) columns of the given row groups, one batch per row group
   * in list order, as primitive arrays reused from batch to batch.
   */
  public static void scan(ParquetDataset ds, List<String> columns, List<RowGroupRef> groups, ColumnBatches.Sink sink) {
    resolve(ds, columns);
    ThreadBuffers buffers = ThreadBuffers.take();
    try {
      ChunkPages.Scratch scratch = buffers.scratch;
      ColumnBatches.Column[] out = buffers.columns(columns.size());
      for (List<RowGroupRef> run : byFile(groups)) {
        Path file = run.get(0).file();
        ParquetMetadata footer = ds.footer(file);
        MessageType schema = footer.getFileMetaData().getSchema();
        List<ColumnDescriptor> descriptors = new ArrayList<>();
        List<ArrayDecoder> decoders = new ArrayList<>();
        for (int c = 0; c < out.length; c++) {
          ColumnDescriptor d = schema.getColumnDescription(new String[] {columns.get(c)});
          descriptors.add(d);
          decoders.add(new ArrayDecoder(d, out[c]));
        }
        String current = columns.isEmpty() ? null : columns.get(0);
        int group = -1;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
          ByteBuffer whole = MappedFiles.get(file);
          for (RowGroupRef g : run) {
            group = g.index();
            BlockMetaData block = block(footer, file, g);
            if (g.rowCount() == 0) {
              continue;
            }
            if (g.rowCount() > Integer.MAX_VALUE - 16) {
              throw new FrameIOException("row group " + g.index() + " of " + file + " has too many rows for one batch");
            }
            for (int c = 0; c < out.length; c++) {
              current = columns.get(c);
              decoders.get(c).startBatch((int) g.rowCount());
              try (ChunkPages pages = ChunkPages.open(ch, whole, chunk(block, descriptors.get(c)), scratch)) {
                decoders.get(c).readChunk(pages, 0, g.rowCount());
              }
            }
            current = null;
            sink.batch((int) g.rowCount(), out);
          }
        } catch (FrameIOException e) {
          throw e;
        } catch (java.io.IOException | org.apache.parquet.io.ParquetDecodingException e) {
          throw new FrameIOException("cannot read column '" + current + "' of Parquet file " + file
              + (group >= 0 ? " (row group " + group + ")" : "") + ": " + e, e);
        }
      }
    } finally {
      buffers.release();
    }
  }

  /** Consecutive runs of row groups in the same file: each file is opened once per run. */
  private static List<List<RowGroupRef>> byFile(List<RowGroupRef> groups) {
    List<List<RowGroupRef>> runs = new ArrayList<>();
    int i = 0;
    while (i < groups.size()) {
      int j = i;
      while (j < groups.size() && groups.get(j).file().equals(groups.get(i).file())) {
        j++;
      }
      runs.add(groups.subList(i, j));
      i = j;
    }
    return runs;
  }

  private static List<Field> resolve(ParquetDataset ds, List<String> columns) {
    List<String> names = new ArrayList<>();
    if (columns == null) {
      ds.fields().forEach(f -> names.add(f.getName()));
      // "All" must not silently drop columns we cannot represent.
      if (!ds.unsupportedColumns().isEmpty()) {
        var e = ds.unsupportedColumns().entrySet().iterator().next();
        throw new FrameIOException("column '" + e.getKey() + "' of " + ds.path() + " has " + e.getValue()
            + "; request the supported columns " + ds.columnNames() + " explicitly");
      }
    } else {
      names.addAll(columns);
    }
    List<Field> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new FrameIOException("column '" + name + "' requested twice from " + ds.path());
      }
      String reason = ds.unsupportedColumns().get(name);
      if (reason != null) {
        throw new FrameIOException("column '" + name + "' of " + ds.path() + " cannot be read: " + reason);
      }
      Field f = ds.fields().stream().filter(x -> x.getName().equals(name)).findFirst().orElse(null);
      if (f == null) {
        throw new FrameIOException("column '" + name + "' not found in " + ds.path()
            + "; available columns: " + ds.columnNames());
      }
      fields.add(f);
    }
    return fields;
  }

  /** Uncompressed size of a string column's chunks: a good first size for its data buffer. */
  private static long stringBytes(ParquetDataset ds, String column, List<RowGroupRef> groups) {
    long bytes = 0;
    for (RowGroupRef g : groups) {
      BlockMetaData b = ds.footer(g.file()).getBlocks().get(g.index());
      for (ColumnChunkMetaData c : b.getColumns()) {
        if (c.getPath().size() == 1 && c.getPath().toArray()[0].equals(column)) {
          bytes += c.getTotalUncompressedSize();
        }
      }
    }
    return bytes;
  }

  private static void allocate(FieldVector v, int rows, long stringBytes) {
    if (v instanceof BaseVariableWidthVector s) {
      s.allocateNew(Math.max(1024, Math.min(stringBytes, Integer.MAX_VALUE / 2)), rows);
      s.getOffsetBuffer().setInt(0, 0);
    } else {
      ((BaseFixedWidthVector) v).allocateNew(rows);
    }
  }

  private static long readFile(ParquetDataset ds, Path file, List<RowGroupRef> groups,
      List<Field> fields, List<FieldVector> vectors, long row, ChunkPages.Scratch scratch) {
    ParquetMetadata footer = ds.footer(file);
    MessageType schema = footer.getFileMetaData().getSchema();
    List<ColumnDescriptor> columns = new ArrayList<>();
    List<ChunkDecoder> decoders = new ArrayList<>();
    String current = fields.isEmpty() ? null : fields.get(0).getName();
    int group = -1;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer whole = MappedFiles.get(file);
      for (int c = 0; c < fields.size(); c++) {
        current = fields.get(c).getName();
        ColumnDescriptor d = schema.getColumnDescription(new String[] {current});
        columns.add(d);
        decoders.add(ChunkDecoders.create(vectors.get(c), d));
      }
      for (RowGroupRef g : groups) {
        group = g.index();
        BlockMetaData block = block(footer, file, g);
        if (g.rowCount() == 0 || columns.isEmpty()) {
          row += g.rowCount();
          continue;
        }
        for (int c = 0; c < columns.size(); c++) {
          current = fields.get(c).getName();
          try (ChunkPages pages = ChunkPages.open(ch, whole, chunk(block, columns.get(c)), scratch)) {
            decoders.get(c).readChunk(pages, row, g.rowCount());
          }
        }
        row += g.rowCount();
      }
      return row;
    } catch (FrameIOException e) {
      throw e;
    } catch (Exception e) {
      throw new FrameIOException("cannot read column '" + current + "' of Parquet file " + file
          + (group >= 0 ? " (row group " + group + ")" : "") + ": " + e, e);
    }
  }

  /** The footer's block of a row group, checked against the dataset's view of it. */
  static BlockMetaData block(ParquetMetadata footer, Path file, RowGroupRef g) {
    if (g.index() < 0 || g.index() >= footer.getBlocks().size()
        || footer.getBlocks().get(g.index()).getRowCount() != g.rowCount()) {
      throw new FrameIOException("row group " + g.index() + " does not exist in " + file);
    }
    return footer.getBlocks().get(g.index());
  }

  /** A block's chunk of a (flat) column. */
  static ColumnChunkMetaData chunk(BlockMetaData block, ColumnDescriptor column) {
    for (ColumnChunkMetaData c : block.getColumns()) {
      if (c.getPath().toDotString().equals(String.join(".", column.getPath()))) {
        if (c.isEncrypted()) {
          throw new ParquetDecodingException("encrypted column chunks are not supported");
        }
        return c;
      }
    }
    throw new ParquetDecodingException("row group has no chunk for column " + String.join(".", column.getPath()));
  }
}

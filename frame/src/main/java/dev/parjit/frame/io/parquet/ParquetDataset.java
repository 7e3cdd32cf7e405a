package dev.parjit.frame.io.parquet;

import dev.parjit.frame.io.ColumnType;
import dev.parjit.frame.io.FrameIOException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * A Parquet file, or a directory of part files, described from footers only (no data is read).
 *
 * <p>A directory's parts are its regular files named {@code *.parquet}, in name order, skipping
 * names that start with {@code _} or {@code .} ({@code _SUCCESS}, {@code .crc}, our own temporary
 * files). All parts must map to the same frame schema. Rows are numbered globally in part order,
 * then row-group order: {@link #rowGroups()} gives every group with its first global row, and
 * {@link #share} cuts that list into contiguous per-rank pieces. Read data with
 * {@link ParquetColumnReader}.
 *
 * <p>Columns whose Parquet type has no frame mapping (nested, repeated, DECIMAL, DATE, ...) do not
 * appear in {@link #schema()}; {@link #unsupportedColumns()} lists them with the reason, and asking
 * the reader for one fails with that reason.
 */
public final class ParquetDataset {
  private final Path path;
  private final List<Path> files;
  private final Map<Path, ParquetMetadata> footers;
  /** The supported columns' fields; an Arrow {@link Schema} only when asked for (see {@link #fields()}). */
  private final List<Field> fields;
  private final Map<String, String> unsupported;
  private final List<RowGroupRef> rowGroups;
  private final long numRows;

  private ParquetDataset(Path path, List<Path> files, Map<Path, ParquetMetadata> footers,
      List<Field> fields, Map<String, String> unsupported, List<RowGroupRef> rowGroups, long numRows) {
    this.path = path;
    this.files = files;
    this.footers = footers;
    this.fields = fields;
    this.unsupported = unsupported;
    this.rowGroups = rowGroups;
    this.numRows = numRows;
  }

  /**
   * Reads the footers of a file or of every part file of a directory.
   *
   * @param fileOrDirectory a Parquet file, or a directory of part files
   * @return the dataset
   * @throws FrameIOException when the path is missing, a directory has no part files, a footer
   *     cannot be read, or a part's schema differs from the first part's (naming that part)
   */
  public static ParquetDataset open(Path fileOrDirectory) {
    List<Path> files = listParts(fileOrDirectory);
    Map<Path, ParquetMetadata> footers = new LinkedHashMap<>();
    List<RowGroupRef> groups = new ArrayList<>();
    List<Field> fields = null;
    Map<String, String> unsupported = null;
    Path first = null;
    long row = 0;
    for (Path file : files) {
      ParquetMetadata footer = ParquetFiles.readFooter(file);
      Map<String, String> fileUnsupported = new LinkedHashMap<>();
      List<Field> fileFields = arrowFields(footer.getFileMetaData().getSchema(), fileUnsupported);
      if (fields == null) {
        fields = fileFields;
        unsupported = fileUnsupported;
        first = file;
      } else if (!fields.equals(fileFields) || !unsupported.keySet().equals(fileUnsupported.keySet())) {
        throw new FrameIOException("schema of part file " + file + " " + describe(fileFields, fileUnsupported)
            + " differs from the first part " + first + " " + describe(fields, unsupported));
      }
      footers.put(file, footer);
      List<BlockMetaData> blocks = footer.getBlocks();
      for (int i = 0; i < blocks.size(); i++) {
        long n = blocks.get(i).getRowCount();
        groups.add(new RowGroupRef(file, i, n, row));
        row += n;
      }
    }
    return new ParquetDataset(fileOrDirectory, List.copyOf(files), Collections.unmodifiableMap(footers),
        List.copyOf(fields), Collections.unmodifiableMap(unsupported), List.copyOf(groups), row);
  }

  private static List<Path> listParts(Path p) {
    if (Files.isRegularFile(p)) {
      return List.of(p);
    }
    if (!Files.isDirectory(p)) {
      throw new FrameIOException("Parquet file or directory not found: " + p);
    }
    List<Path> parts;
    try (Stream<Path> s = Files.list(p)) {
      parts = s.filter(f -> {
        String name = f.getFileName().toString();
        return name.endsWith(".parquet") && !name.startsWith("_") && !name.startsWith(".")
            && Files.isRegularFile(f);
      }).sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new FrameIOException("cannot list Parquet directory " + p + ": " + e.getMessage(), e);
    }
    if (parts.isEmpty()) {
      throw new FrameIOException("Parquet directory has no part files (*.parquet): " + p);
    }
    return parts;
  }

  private static List<Field> arrowFields(MessageType message, Map<String, String> unsupported) {
    List<Field> fields = new ArrayList<>();
    for (Type t : message.getFields()) {
      try {
        fields.add(ParquetTypes.columnType(t).field(t.getName()));
      } catch (IllegalArgumentException e) {
        unsupported.put(t.getName(), e.getMessage());
      }
    }
    return fields;
  }

  private static String describe(List<Field> fields, Map<String, String> unsupported) {
    String cols = fields.stream()
        .map(f -> f.getName() + ":" + ColumnType.of(f.getType()))
        .collect(Collectors.joining(", ", "[", ""));
    for (String u : unsupported.keySet()) {
      cols += (cols.length() > 1 ? ", " : "") + u + ":unsupported";
    }
    return cols + "]";
  }

  /** @return the path given to {@link #open} */
  public Path path() {
    return path;
  }

  /** @return the part files in read order (one element for a single file) */
  public List<Path> files() {
    return files;
  }

  /** @return the Arrow schema of the supported columns, in file order; field names are column names */
  public Schema schema() {
    return new Schema(fields);
  }

  /**
   * The supported columns' Arrow fields, in file order. What the readers use: Arrow's {@link Schema}
   * class builds a Jackson JSON mapper when it is first used (some 570 classes, 80-90 ms of CPU in
   * a fresh JVM), which reading a file never needs.
   *
   * @return the fields of {@link #schema()}
   */
  public List<Field> fields() {
    return fields;
  }

  /** @return the supported column names, in file order */
  public List<String> columnNames() {
    return fields.stream().map(Field::getName).collect(Collectors.toList());
  }

  /** @return columns without a frame mapping, each with the reason, in file order */
  public Map<String, String> unsupportedColumns() {
    return unsupported;
  }

  /** @return total rows over all parts */
  public long numRows() {
    return numRows;
  }

  /** @return every row group, in global row order */
  public List<RowGroupRef> rowGroups() {
    return rowGroups;
  }

  /** @return the footer of one of this dataset's files */
  ParquetMetadata footer(Path file) {
    ParquetMetadata f = footers.get(file);
    if (f == null) {
      throw new FrameIOException("row group refers to a file outside dataset " + path + ": " + file);
    }
    return f;
  }

  /**
   * The row groups rank {@code rank} of {@code size} reads: a contiguous run of {@code groups}, in
   * order, so concatenating the shares of ranks 0..size-1 gives back {@code groups}.
   *
   * <p>Balancing rule: with N the total rows of {@code groups} and m(g) the midpoint of group g
   * (rows before it plus half its rows, counted inside {@code groups}), g goes to rank
   * {@code floor(size * m(g) / N)}. Each rank thus gets the groups centred in its ideal slice
   * {@code [rank*N/size, (rank+1)*N/size)} of rows, which is as balanced as whole groups allow; a
   * rank may get none (fewer groups than ranks, or very uneven groups). Every rank computes the same
   * answer from the same list, without communication. Zero-row groups follow their neighbours.
   *
   * @param groups row groups in global order (normally {@link #rowGroups()})
   * @param rank this rank, {@code 0 <= rank < size}
   * @param size number of ranks
   * @return this rank's groups
   */
  public static List<RowGroupRef> share(List<RowGroupRef> groups, int rank, int size) {
    if (size <= 0 || rank < 0 || rank >= size) {
      throw new IllegalArgumentException("rank " + rank + " of size " + size);
    }
    long total = 0;
    for (RowGroupRef g : groups) {
      total += g.rowCount();
    }
    List<RowGroupRef> mine = new ArrayList<>();
    long before = 0;
    for (RowGroupRef g : groups) {
      // 2*m(g) = 2*before + rowCount keeps the midpoint integral; compare size*2m with 2N*rank.
      int owner = total == 0 ? 0
          : (int) Math.min(size - 1, Math.floorDiv((long) size * (2 * before + g.rowCount()), 2 * total));
      if (owner == rank) {
        mine.add(g);
      }
      before += g.rowCount();
    }
    return mine;
  }
}

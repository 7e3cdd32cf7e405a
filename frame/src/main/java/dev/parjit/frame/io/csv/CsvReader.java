package dev.parjit.frame.io.csv;

import dev.parjit.frame.io.ColumnType;
import dev.parjit.frame.io.FrameIOException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * CSV with a header row into Arrow vectors, in byte ranges so ranks can read one file in parallel.
 *
 * <p>Format: RFC-4180 (comma separator, LF or CRLF line ends, double quotes around fields that
 * contain commas, quotes ({@code ""}) or newlines), UTF-8, an optional UTF-8 byte order mark.
 * Empty lines are skipped. An empty unquoted field is null; a quoted empty field ({@code ""}) is
 * the empty string in a STRING column and null elsewhere.
 *
 * <p>Parallel reading: {@link #split} cuts the data (after the header) into ranges aligned to line
 * starts, and {@link #read} with any range reads exactly the lines that <em>start</em> inside it,
 * so the ranges' results concatenated in order equal a read of the whole file. The header belongs
 * to no range. A newline inside a quoted field cannot be told from a line end at a range boundary:
 * {@link #readRange} reports where each range started and stopped, so a reader of several ranges can
 * tell that a boundary fell inside such a field (and read the file whole instead).
 */
public final class CsvReader {
  /** Data lines inspected by {@link #infer}: the same prefix on every rank, so the same schema. */
  public static final int INFER_LINES = 5000;

  private static final ColumnType[] WIDENING = {ColumnType.INT64, ColumnType.FLOAT64, ColumnType.BOOL,
      ColumnType.TIMESTAMP, ColumnType.STRING};

  private CsvReader() {}

  /**
   * Column names from the header; each type is the first of INT64, FLOAT64, BOOL, TIMESTAMP
   * (ISO-8601) that every non-empty value among the first {@link #INFER_LINES} data lines parses
   * as, else STRING (also for columns with no values there).
   *
   * @param file a CSV file with a header row
   * @return the schema
   * @throws FrameIOException naming the file when it is missing, empty or malformed
   */
  public static CsvSchema infer(Path file) {
    try (InputStream in = open(file, 0)) {
      CsvTokenizer tok = new CsvTokenizer(in, 0);
      List<String> names = header(file, tok);
      int n = names.size();
      // viable[c][t]: every non-empty value of column c seen so far parses as WIDENING[t].
      boolean[][] viable = new boolean[n][WIDENING.length];
      boolean[] seen = new boolean[n];
      for (boolean[] v : viable) {
        java.util.Arrays.fill(v, true);
      }
      for (int line = 0; line < INFER_LINES && tok.next(); line++) {
        if (tok.blank()) {
          continue;
        }
        checkWidth(file, tok, n);
        for (int c = 0; c < n; c++) {
          String v = tok.fields.get(c);
          if (v.isEmpty()) {
            continue;
          }
          seen[c] = true;
          for (int t = 0; t < WIDENING.length; t++) {
            viable[c][t] = viable[c][t] && CsvValues.accepts(WIDENING[t], v);
          }
        }
      }
      List<ColumnType> types = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        int t = seen[c] ? 0 : WIDENING.length - 1;
        while (!viable[c][t]) {
          t++; // STRING, the last, is always viable
        }
        types.add(WIDENING[t]);
      }
      return new CsvSchema(names, types);
    } catch (IOException | IllegalStateException e) {
      throw new FrameIOException("cannot read CSV file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Byte ranges {@code {start, end}} covering the data lines (after the header) in order, each
   * starting at a line start, about equally long; a range may be empty ({@code start == end}).
   *
   * @param file a CSV file with a header row
   * @param parts number of ranges, at least 1
   * @return {@code parts} ranges
   */
  public static List<long[]> split(Path file, int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be positive: " + parts);
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      long dataStart = headerEnd(file);
      long[] cut = new long[parts + 1];
      cut[0] = dataStart;
      cut[parts] = size;
      for (int k = 1; k < parts; k++) {
        long b = dataStart + (size - dataStart) * k / parts;
        cut[k] = Math.max(cut[k - 1], lineStartAtOrAfter(ch, b, size));
      }
      List<long[]> out = new ArrayList<>();
      for (int k = 0; k < parts; k++) {
        out.add(new long[] {cut[k], cut[k + 1]});
      }
      return out;
    } catch (IOException e) {
      throw new FrameIOException("cannot read CSV file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the lines starting in {@code [byteStart, byteEnd)} (the header excluded).
   *
   * @param file the CSV file
   * @param byteStart first byte of the range
   * @param byteEnd one past the last byte of the range
   * @param schema the schema from {@link #infer} (every rank must use the same)
   * @param alloc allocator of the returned vectors
   * @return one vector per column, named after it; the caller owns (and closes) them
   * @throws FrameIOException naming file, line number and column when a value does not parse as
   *     its column's type or a line has the wrong number of fields
   */
  public static List<FieldVector> read(Path file, long byteStart, long byteEnd, CsvSchema schema,
      BufferAllocator alloc) {
    return readRange(file, byteStart, byteEnd, schema, alloc).vectors();
  }

  /**
   * What a range read: its vectors, the offset its first line started at and the offset where its
   * reading stopped (the start of the first record after the range), both {@code -1} when the range
   * holds no line start. Ranges read in order equal a read of the whole file exactly when each
   * range that read starts where the previous one stopped; a range cut inside a quoted field that
   * spans lines starts elsewhere (it took the field's continuation for a record).
   */
  public record RangeRead(List<FieldVector> vectors, long start, long end) { }

  /**
   * Where a read of {@code [byteStart, byteEnd)} starts: the first line start at or after
   * {@code byteStart} past the header, or {@code -1} when there is none before {@code byteEnd}.
   */
  public static long rangeStart(Path file, long byteStart, long byteEnd) {
    try {
      long start = Math.max(byteStart, headerEnd(file));
      if (start >= byteEnd) {
        return -1;
      }
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        start = lineStartAtOrAfter(ch, start, ch.size());
      }
      return start < byteEnd ? start : -1;
    } catch (IOException e) {
      throw new FrameIOException("cannot read CSV file " + file + ": " + e.getMessage(), e);
    }
  }

  /** {@link #read}, telling where the range's reading started and stopped ({@link RangeRead}). */
  public static RangeRead readRange(Path file, long byteStart, long byteEnd, CsvSchema schema,
      BufferAllocator alloc) {
    List<FieldVector> vectors = new ArrayList<>();
    try {
      for (Field f : schema.fields()) {
        FieldVector v = f.createVector(alloc);
        v.allocateNew();
        vectors.add(v);
      }
      long start = rangeStart(file, byteStart, byteEnd);
      long end = -1;
      int rows = 0;
      if (start >= 0) {
        try (InputStream in = open(file, start)) {
          CsvTokenizer tok = new CsvTokenizer(in, start);
          int n = schema.names().size();
          while (tok.position() < byteEnd && tok.next()) {
            if (tok.blank()) {
              continue;
            }
            checkWidth(file, tok, n);
            for (int c = 0; c < n; c++) {
              set(file, tok, schema, vectors.get(c), c, rows);
            }
            rows++;
          }
          end = tok.position();
        }
      }
      for (FieldVector v : vectors) {
        v.setValueCount(rows);
      }
      return new RangeRead(vectors, start, end);
    } catch (IOException | IllegalStateException e) {
      vectors.forEach(FieldVector::close);
      throw new FrameIOException("cannot read CSV file " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
  }

  private static void set(Path file, CsvTokenizer tok, CsvSchema schema, FieldVector v, int c, int row) {
    String s = tok.fields.get(c);
    ColumnType type = schema.types().get(c);
    if (s.isEmpty() && !(type == ColumnType.STRING && tok.quoted.get(c))) {
      return; // null: validity stays unset, setValueCount fills the gap
    }
    try {
      switch (type) {
        case INT64:
          ((BigIntVector) v).setSafe(row, CsvValues.parseLong(s));
          break;
        case INT32:
          ((IntVector) v).setSafe(row, Math.toIntExact(CsvValues.parseLong(s)));
          break;
        case FLOAT64:
          ((Float8Vector) v).setSafe(row, CsvValues.parseDouble(s));
          break;
        case BOOL:
          ((BitVector) v).setSafe(row, CsvValues.parseBool(s) ? 1 : 0);
          break;
        case TIMESTAMP:
          ((TimeStampMicroVector) v).setSafe(row, CsvValues.parseTimestamp(s));
          break;
        default:
          ((VarCharVector) v).setSafe(row, s.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new FrameIOException("CSV file " + file + " line " + lineNumber(file, tok.recordStart()) + " column '"
          + schema.names().get(c) + "': cannot parse '" + s + "' as " + type);
    }
  }

  private static void checkWidth(Path file, CsvTokenizer tok, int n) {
    if (tok.fields.size() != n) {
      throw new FrameIOException("CSV file " + file + " line " + lineNumber(file, tok.recordStart()) + ": expected "
          + n + " fields, found " + tok.fields.size());
    }
  }

  private static List<String> header(Path file, CsvTokenizer tok) throws IOException {
    if (!tok.next() || tok.blank()) {
      throw new FrameIOException("CSV file " + file + " has no header row");
    }
    List<String> names = new ArrayList<>(tok.fields);
    if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
      names.set(0, names.get(0).substring(1));
    }
    return names;
  }

  /** Offset just after the header row. */
  private static long headerEnd(Path file) throws IOException {
    try (InputStream in = open(file, 0)) {
      CsvTokenizer tok = new CsvTokenizer(in, 0);
      header(file, tok);
      return tok.position();
    }
  }

  private static InputStream open(Path file, long offset) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new FrameIOException("CSV file not found: " + file);
    }
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    ch.position(offset);
    return new BufferedInputStream(Channels.newInputStream(ch), 1 << 16);
  }

  /** The first line start at or after {@code pos}: pos itself if the byte before it is a newline. */
  private static long lineStartAtOrAfter(FileChannel ch, long pos, long size) throws IOException {
    if (pos <= 0 || pos >= size) {
      return Math.min(Math.max(pos, 0), size);
    }
    ByteBuffer b = ByteBuffer.allocate(1 << 14);
    long p = pos - 1;
    while (p < size) {
      b.clear();
      int n = ch.read(b, p);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (b.get(i) == '\n') {
          return p + i + 1;
        }
      }
      p += n;
    }
    return size;
  }

  /** 1-based line number of the line starting at {@code offset}; only computed for error messages. */
  private static long lineNumber(Path file, long offset) {
    long line = 1;
    try (InputStream in = open(file, 0)) {
      byte[] b = new byte[1 << 16];
      long left = offset;
      while (left > 0) {
        int n = in.read(b, 0, (int) Math.min(b.length, left));
        if (n <= 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          if (b[i] == '\n') {
            line++;
          }
        }
        left -= n;
      }
    } catch (IOException e) {
      return -1;
    }
    return line;
  }
}

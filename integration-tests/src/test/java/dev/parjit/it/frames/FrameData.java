package dev.parjit.it.frames;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.FrameMemory;
import dev.parjit.frame.Series;
import dev.parjit.frame.io.parquet.ParquetColumnWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Test data: a cycling-like table (id, power with nulls, speed, cadence, zone strings with nulls,
 * flag, timestamp) written as a directory of part files with small row groups, so rank shares cut
 * across files and groups. Values are multiples of 1/8, so sums are exact in any order.
 */
public final class FrameData {

  private FrameData() { }

  /** A table of {@code n} rows. */
  public static DataFrame table(int n) {
    long[] id = new long[n];
    double[] power = new double[n];
    double[] speed = new double[n];
    int[] cadence = new int[n];
    String[] zone = new String[n];
    boolean[] flag = new boolean[n];
    long[] ts = new long[n];
    boolean[] powerNull = new boolean[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
      power[i] = 50 + (i * 37L % 300) / 8.0 * 4;
      powerNull[i] = i % 17 == 5;
      speed[i] = 20 + (i * 13L % 97) / 8.0;
      cadence[i] = 50 + (int) (i * 7L % 41);
      zone[i] = i % 23 == 7 ? null : "z" + (i * 11 % 5);
      flag[i] = i % 3 == 0;
      ts[i] = 1_700_000_000_000_000L + i * 1_000_000L;
    }
    DataFrame base = DataFrame.builder().add("id", id).add("power", power).add("speed", speed).add("cadence", cadence)
        .add("zone", zone).add("flag", flag).add("ts", Series.ofTimestamps("ts", ts)).build();
    // Nulls in power: masked through a filter-free rebuild with null entries.
    Double[] boxed = new Double[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = powerNull[i] ? null : power[i];
    }
    return base.withColumn("power", nullable("power", boxed));
  }

  private static Series nullable(String name, Double[] values) {
    org.apache.arrow.vector.Float8Vector v = new org.apache.arrow.vector.Float8Vector(name, FrameMemory.allocator());
    v.allocateNew(values.length);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.set(i, values[i]);
      }
    }
    v.setValueCount(values.length);
    return Series.fromArrow(v);
  }

  /** Writes {@code df} as {@code parts} part files with row groups of {@code groupRows}. */
  public static Path write(DataFrame df, Path dir, int parts, int groupRows) throws IOException {
    Files.createDirectories(dir);
    int n = df.numRows();
    for (int p = 0; p < parts; p++) {
      int from = (int) ((long) p * n / parts);
      int to = (int) ((long) (p + 1) * n / parts);
      DataFrame piece = df.slice(from, to - from);
      List<FieldVector> vectors = new ArrayList<>();
      for (String c : piece.columns()) {
        vectors.add(piece.column(c).arrowVector());
      }
      ParquetColumnWriter.write(vectors, dir.resolve(String.format("part-%05d.parquet", p)),
          CompressionCodecName.SNAPPY, Math.max(1, groupRows));
      java.lang.ref.Reference.reachabilityFence(piece); // its vectors were written
    }
    return dir;
  }

  /** A small CSV file of {@code n} rows: columns a (long), b (double), c (string). */
  public static Path csv(Path file, int n) throws IOException {
    StringBuilder sb = new StringBuilder("a,b,c\n");
    for (int i = 0; i < n; i++) {
      sb.append(i * 3).append(',').append(i / 4.0).append(',').append(i % 4 == 1 ? "\"x,y\"" : "s" + i).append('\n');
    }
    Files.writeString(file, sb.toString());
    return file;
  }

  /**
   * A CSV file of {@code n} rows (id string, b string, c long) where most b fields are quoted and
   * span two lines whose second line reads like a record of its own ({@code x,y",1}): a range
   * boundary inside one must not make a record of it.
   */
  public static Path quotedLinesCsv(Path file, int n) throws IOException {
    StringBuilder sb = new StringBuilder("id,b,c\n");
    for (int i = 0; i < n; i++) {
      String b = i % 5 == 0 ? "b" + i % 4 : "\"line " + i + "\nx,y\"";
      sb.append("id").append(i).append(',').append(b).append(',').append(i % 3).append('\n');
    }
    Files.writeString(file, sb.toString());
    return file;
  }

  /**
   * A helper taking a frame, outside the kernels (which the tests mark {@code @Jit} by pattern, so a
   * helper there would be a call of its own): the frame reaches it as it is, so it must be whole.
   */
  static int rowsOf(DataFrame f) {
    return f.numRows();
  }
}

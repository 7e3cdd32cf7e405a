package dev.parjit.demo;

import dev.parjit.frame.DataFrame;
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
 * A cycling-like ride log for the demos: one row per second with power (W), speed (km/h),
 * cadence (rpm), heart rate (bpm) and a timestamp, written once as a SNAPPY Parquet file with
 * row groups of 2^17 rows, so ranks can share it.
 */
public final class CyclingData {

  private CyclingData() { }

  /** The file at {@code path}, written first if it does not exist. */
  public static Path ensure(Path path, int rows) throws IOException {
    if (Files.exists(path)) {
      return path;
    }
    Files.createDirectories(path.toAbsolutePath().getParent());
    long[] ts = new long[rows];
    double[] power = new double[rows];
    double[] speed = new double[rows];
    int[] cadence = new int[rows];
    int[] heart = new int[rows];
    long t0 = 1_700_000_000_000_000L;
    for (int i = 0; i < rows; i++) {
      long h = mix(i);
      double effort = 0.5 + 0.5 * Math.sin(i / 600.0);
      ts[i] = t0 + i * 1_000_000L;
      power[i] = Math.round((120 + 180 * effort + (h & 63) - 32) * 10) / 10.0;
      speed[i] = Math.round((22 + 14 * effort + ((h >>> 8) & 15) / 4.0) * 100) / 100.0;
      cadence[i] = 70 + (int) (20 * effort) + (int) ((h >>> 16) & 7);
      heart[i] = 110 + (int) (60 * effort) + (int) ((h >>> 24) & 7);
    }
    DataFrame df = DataFrame.builder().add("power", power).add("speed", speed).add("cadence", cadence)
        .add("heart_rate", heart).add("timestamp", Series.ofTimestamps("timestamp", ts)).build();
    List<FieldVector> vectors = new ArrayList<>();
    for (String c : df.columns()) {
      vectors.add(df.column(c).arrowVector());
    }
    ParquetColumnWriter.write(vectors, path, CompressionCodecName.SNAPPY, 1 << 17);
    java.lang.ref.Reference.reachabilityFence(df); // its vectors were written
    return path;
  }

  private static long mix(long x) {
    x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
    return x ^ (x >>> 29);
  }
}

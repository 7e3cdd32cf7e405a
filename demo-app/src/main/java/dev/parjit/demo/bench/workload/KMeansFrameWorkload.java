package dev.parjit.demo.bench.workload;

import dev.parjit.Jit;
import dev.parjit.demo.bench.Scale;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The k-means step of {@link KMeansWorkload} written as Bodo users write it: the points are read once
 * inside a {@code @Jit} function, which returns them as a frame (lazy in spawn mode: it stays on the
 * workers), and each step takes that frame back with the current centroids. In spawn mode a lazy
 * frame passed back in travels as its id, so a step moves no point data.
 */
public final class KMeansFrameWorkload implements Workload {

  static Path dir(Scale scale, Path dataDir) {
    return dataDir.resolve("points-" + KMeansWorkload.points(scale));
  }

  /** The points, read once: distributed on the workers, a lazy frame on the driver. */
  @Jit
  public static DataFrame loadPoints(String path) {
    return DataFrame.readParquet(path, "x", "y");
  }

  /** One step over the frame's rows: a row loop with array reductions, like {@link KMeansWorkload#step}. */
  @Jit
  public static double[] stepFrame(DataFrame points, double[] cx, double[] cy) {
    Series xs = points.column("x");
    Series ys = points.column("y");
    int n = points.numRows();
    int k = cx.length;
    double[] sx = new double[k];
    double[] sy = new double[k];
    double[] count = new double[k];
    double inertia = 0;
    for (int i = 0; i < n; i++) {
      double x = xs.getDouble(i);
      double y = ys.getDouble(i);
      int best = 0;
      double bestD = Double.MAX_VALUE;
      for (int c = 0; c < k; c++) {
        double dx = x - cx[c];
        double dy = y - cy[c];
        double d = dx * dx + dy * dy;
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      sx[best] += x;
      sy[best] += y;
      count[best] += 1;
      inertia += bestD;
    }
    return KMeansWorkload.finish(sx, sy, count, inertia, cx, cy);
  }

  private DataFrame points;
  private double[][] arrays;

  @Override
  public String id() {
    return "kmeans-frame";
  }

  @Override
  public String title(Scale scale) {
    return String.format("k-means step over a lazy frame, %,d 2-D points, k=%d", KMeansWorkload.points(scale),
        KMeansWorkload.K);
  }

  @Override
  public void prepare(Scale scale, Path dataDir, Consumer<String> progress) {
    ParquetData.ensure(dir(scale, dataDir), KMeansWorkload.points(scale), (first, n) -> {
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = KMeansWorkload.px(first + i);
        y[i] = KMeansWorkload.py(first + i);
      }
      return List.of(Series.of("x", x), Series.of("y", y));
    }, progress);
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    if (points == null) {
      points = loadPoints(dir(scale, dataDir).toString()); // once: later steps pass it back in
    }
    return stepFrame(points, KMeansWorkload.initial(false), KMeansWorkload.initial(true));
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    if (arrays == null) {
      try (DataFrame df = DataFrame.readParquet(dir(scale, dataDir).toString())) {
        arrays = new double[][] {df.column("x").toDoubleArray(), df.column("y").toDoubleArray()};
      }
    }
    return KMeansWorkload.stepStreams(arrays[0], arrays[1], KMeansWorkload.initial(false),
        KMeansWorkload.initial(true));
  }
}

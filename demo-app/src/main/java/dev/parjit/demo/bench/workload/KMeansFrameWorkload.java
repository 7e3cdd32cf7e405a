package dev.parjit.demo.bench.workload;

import dev.parjit.Jit;
import dev.parjit.demo.bench.Scale;
import dev.parjit.demo.bench.sql.SqlDialect;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * The k-means step of {@link KMeansWorkload} written as Bodo users write it: the points are read once
 * inside a {@code @Jit} function, which returns them as a frame (lazy in spawn mode: it stays on the
 * workers), and each step takes that frame back with the current centroids. In spawn mode a lazy
 * frame passed back in travels as its id, so a step moves no point data. The SQL peers do the same:
 * the first call keeps the points in the engine's memory (Spark's {@code CACHE TABLE}, a DuckDB
 * temporary table), each step is a query over them.
 */
public final class KMeansFrameWorkload implements Workload {
  /** The SQL engines' name for the kept points. */
  private static final String TABLE = "kmeans_points";

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

  /** The points kept in the SQL engine's memory by the first call, as the Parjit run keeps its lazy frame. */
  @Override
  public List<String> sqlSetup(SqlDialect dialect, Scale scale, Path dataDir) {
    return List.of(dialect.keep(TABLE, "SELECT x, y FROM " + dialect.parquet(dir(scale, dataDir))));
  }

  /**
   * The step as SQL over the kept points: each point's squared distance to every centroid,
   * computed as {@link #stepFrame} computes it, the nearest being the first that equals the least
   * (the kernel's strict {@code <} keeps the first of equal distances); then per-cluster sums.
   */
  @Override
  public Optional<String> sql(SqlDialect dialect, Scale scale, Path dataDir) {
    double[] cx = KMeansWorkload.initial(false);
    double[] cy = KMeansWorkload.initial(true);
    int k = cx.length;
    StringJoiner distances = new StringJoiner(", ");
    StringJoiner names = new StringJoiner(", ");
    StringBuilder nearest = new StringBuilder("CASE");
    for (int c = 0; c < k; c++) {
      String dx = "(x - " + literal(cx[c]) + ")";
      String dy = "(y - " + literal(cy[c]) + ")";
      distances.add(dx + " * " + dx + " + " + dy + " * " + dy + " AS d" + c);
      names.add("d" + c);
      nearest.append(" WHEN d").append(c).append(" = bd THEN ").append(c);
    }
    nearest.append(" END");
    return Optional.of("SELECT c, sum(x), sum(y), count(*), sum(bd) FROM (SELECT x, y, bd, " + nearest + " AS c FROM "
        + "(SELECT x, y, " + names + ", least(" + names + ") AS bd FROM (SELECT x, y, " + distances + " FROM " + TABLE
        + ") dist) best) nearest GROUP BY c");
  }

  /** A double as SQL, exactly: its shortest decimal string read back as a double. */
  private static String literal(double v) {
    return "CAST('" + v + "' AS DOUBLE)";
  }

  /** Rows {@code (cluster, sum x, sum y, count, sum of distances)}, in any order; empty clusters absent. */
  @Override
  public double[] digestRows(List<double[]> rows) {
    int k = KMeansWorkload.K;
    double[] sx = new double[k];
    double[] sy = new double[k];
    double[] count = new double[k];
    double[] inertia = new double[k];
    for (double[] r : rows) {
      int c = (int) r[0];
      sx[c] = r[1];
      sy[c] = r[2];
      count[c] = r[3];
      inertia[c] = r[4];
    }
    double total = 0;
    for (double v : inertia) { // in cluster order, whatever order the engine returned the rows in
      total += v;
    }
    return KMeansWorkload.finish(sx, sy, count, total, KMeansWorkload.initial(false), KMeansWorkload.initial(true));
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

package dev.parjit.demo.bench.workload;

import dev.parjit.Jit;
import dev.parjit.demo.bench.Scale;
import dev.parjit.demo.bench.sql.SqlDialect;
import dev.parjit.frame.Agg;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import dev.parjit.frame.io.FrameIO;
import dev.parjit.frame.io.parquet.ParquetDataset;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A group-by on three int64 keys (20 x 25 x 20 values, up to 10,000 groups) with four aggregates
 * over two double columns: {@code sum(x), mean(y), min(x), max(y)}.
 */
public final class GroupByMultiWorkload implements Workload {

  static long rows(Scale scale) {
    return scale.pick(10_000_000L, 2_000_000L);
  }

  static Path dir(Scale scale, Path dataDir) {
    return dataDir.resolve("groupby3-" + rows(scale));
  }

  /** The kernel: a distributed read and a distributed group-by of partial aggregates. */
  @Jit
  public static DataFrame groupAgg(String path) {
    return DataFrame.readParquet(path).groupBy("a", "b", "c")
        .agg(Agg.sum("x").as("sx"), Agg.mean("y").as("my"), Agg.min("x").as("nx"), Agg.max("y").as("xy"));
  }

  /** The single-JVM peer: per-row-group hash maps on a packed key, built in parallel, then merged. */
  public static double[] groupAggStreams(Path dir) {
    ParquetDataset ds = ParquetDataset.open(dir);
    Map<Long, double[]> acc = ds.rowGroups().parallelStream().map(g -> {
      Map<Long, double[]> m = new HashMap<>();
      try (DataFrame df = FrameIO.readParquet(ds, List.of("a", "b", "c", "x", "y"), List.of(g))) {
        long[] a = df.column("a").toLongArray();
        long[] b = df.column("b").toLongArray();
        long[] c = df.column("c").toLongArray();
        double[] x = df.column("x").toDoubleArray();
        double[] y = df.column("y").toDoubleArray();
        for (int i = 0; i < a.length; i++) {
          double[] s = m.computeIfAbsent((a[i] * 25 + b[i]) * 20 + c[i],
              k -> new double[] {0, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
          s[0] += x[i];
          s[1] += y[i];
          s[2]++;
          s[3] = Math.min(s[3], x[i]);
          s[4] = Math.max(s[4], y[i]);
        }
      }
      return m;
    }).reduce(new HashMap<>(), (p, q) -> {
      Map<Long, double[]> out = new HashMap<>(p);
      q.forEach((k, v) -> out.merge(k, v, (u, w) -> new double[] {u[0] + w[0], u[1] + w[1], u[2] + w[2],
          Math.min(u[3], w[3]), Math.max(u[4], w[4])}));
      return out;
    });
    double[] d = new double[5];
    acc.forEach((k, s) -> add(d, k / 500, k / 20 % 25, k % 20, s[0], s[1] / s[2], s[3], s[4]));
    return d;
  }

  /** Adds one group to an order-independent digest: groups, then four key-weighted sums. */
  static void add(double[] d, long a, long b, long c, double sx, double my, double nx, double xy) {
    double w = (a * 7 + b * 3 + c) % 97 + 1;
    d[0]++;
    d[1] += w * sx;
    d[2] += w * my;
    d[3] += w * nx;
    d[4] += w * xy;
  }

  @Override
  public String id() {
    return "groupby3";
  }

  @Override
  public String title(Scale scale) {
    return String.format("groupBy 3 keys, 4 aggregates, %,d rows", rows(scale));
  }

  @Override
  public void prepare(Scale scale, Path dataDir, Consumer<String> progress) {
    ParquetData.ensure(dir(scale, dataDir), rows(scale), (first, n) -> List.of(
        Series.of("a", ParquetData.keys(first, n, 41, 20)), Series.of("b", ParquetData.keys(first, n, 42, 25)),
        Series.of("c", ParquetData.keys(first, n, 43, 20)), Series.of("x", ParquetData.uniforms(first, n, 44)),
        Series.of("y", ParquetData.uniforms(first, n, 45))), progress);
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    try (DataFrame g = groupAgg(dir(scale, dataDir).toString())) {
      long[] a = g.column("a").toLongArray();
      long[] b = g.column("b").toLongArray();
      long[] c = g.column("c").toLongArray();
      double[] sx = g.column("sx").toDoubleArray();
      double[] my = g.column("my").toDoubleArray();
      double[] nx = g.column("nx").toDoubleArray();
      double[] xy = g.column("xy").toDoubleArray();
      double[] d = new double[5];
      for (int i = 0; i < a.length; i++) {
        add(d, a[i], b[i], c[i], sx[i], my[i], nx[i], xy[i]);
      }
      return d;
    }
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    return groupAggStreams(dir(scale, dataDir));
  }

  @Override
  public Optional<String> sql(SqlDialect dialect, Scale scale, Path dataDir) {
    return Optional.of("SELECT a, b, c, sum(x), avg(y), min(x), max(y) FROM " + dialect.parquet(dir(scale, dataDir))
        + " GROUP BY a, b, c");
  }

  @Override
  public double[] digestRows(List<double[]> rows) {
    double[] d = new double[5];
    for (double[] r : rows) {
      add(d, (long) r[0], (long) r[1], (long) r[2], r[3], r[4], r[5], r[6]);
    }
    return d;
  }
}

package dev.parjit.demo.bench.workload;

import dev.parjit.Jit;
import dev.parjit.demo.bench.Scale;
import dev.parjit.demo.bench.sql.SqlDialect;
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

/** {@code groupBy("k").mean()} over a Parquet dataset with 10,000 distinct int64 keys. */
public final class GroupByWorkload implements Workload {
  static final long KEYS = 10_000;

  static long rows(Scale scale) {
    return scale.pick(10_000_000L, 2_000_000L);
  }

  static Path dir(Scale scale, Path dataDir) {
    return dataDir.resolve("groupby-" + rows(scale));
  }

  /** The kernel: a distributed read and a distributed (shuffled) groupBy. */
  @Jit
  public static DataFrame groupMean(String path) {
    return DataFrame.readParquet(path).groupBy("k").mean();
  }

  /** The single-JVM peer: per-row-group hash maps built in parallel, then merged. */
  public static double[] groupMeanStreams(Path dir) {
    ParquetDataset ds = ParquetDataset.open(dir);
    Map<Long, double[]> sums = ds.rowGroups().parallelStream().map(g -> {
      Map<Long, double[]> m = new HashMap<>();
      try (DataFrame df = FrameIO.readParquet(ds, List.of("k", "x"), List.of(g))) {
        long[] k = df.column("k").toLongArray();
        double[] x = df.column("x").toDoubleArray();
        for (int i = 0; i < k.length; i++) {
          double[] a = m.computeIfAbsent(k[i], key -> new double[2]);
          a[0] += x[i];
          a[1]++;
        }
      }
      return m;
    }).reduce(new HashMap<>(), (a, b) -> {
      Map<Long, double[]> big = a.size() >= b.size() ? a : b;
      Map<Long, double[]> small = big == a ? b : a;
      Map<Long, double[]> out = new HashMap<>(big);
      small.forEach((k, v) -> out.merge(k, v, (p, q) -> new double[] {p[0] + q[0], p[1] + q[1]}));
      return out;
    });
    long[] keys = new long[sums.size()];
    double[] means = new double[sums.size()];
    int i = 0;
    for (Map.Entry<Long, double[]> e : sums.entrySet()) {
      keys[i] = e.getKey();
      means[i++] = e.getValue()[0] / e.getValue()[1];
    }
    return digest(keys, means);
  }

  /** Order-independent digest of a grouped result: groups, sum of means, key-weighted sum of means. */
  static double[] digest(long[] keys, double[] means) {
    double s = 0;
    double w = 0;
    for (int i = 0; i < keys.length; i++) {
      s += means[i];
      w += (keys[i] % 97 + 1) * means[i];
    }
    return new double[] {keys.length, s, w};
  }

  @Override
  public String id() {
    return "groupby";
  }

  @Override
  public String title(Scale scale) {
    return String.format("groupBy mean, %,d rows, %,d int64 keys", rows(scale), KEYS);
  }

  @Override
  public void prepare(Scale scale, Path dataDir, Consumer<String> progress) {
    ParquetData.ensure(dir(scale, dataDir), rows(scale), (first, n) -> List.of(
        Series.of("k", ParquetData.keys(first, n, 11, KEYS)), Series.of("x", ParquetData.uniforms(first, n, 12))),
        progress);
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    try (DataFrame g = groupMean(dir(scale, dataDir).toString())) {
      return digest(g.column("k").toLongArray(), g.column("x").toDoubleArray());
    }
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    return groupMeanStreams(dir(scale, dataDir));
  }

  @Override
  public Optional<String> sql(SqlDialect dialect, Scale scale, Path dataDir) {
    return Optional.of("SELECT k, avg(x) FROM " + dialect.parquet(dir(scale, dataDir)) + " GROUP BY k");
  }

  @Override
  public double[] digestRows(List<double[]> rows) {
    long[] keys = new long[rows.size()];
    double[] means = new double[rows.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = (long) rows.get(i)[0];
      means[i] = rows.get(i)[1];
    }
    return digest(keys, means);
  }
}

package dev.parjit.demo.bench.workload;

import dev.parjit.Jit;
import dev.parjit.demo.bench.Scale;
import dev.parjit.demo.bench.sql.SqlDialect;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code sortValues("x")} of a frame of a uniform double and an int64 payload, then a digest that
 * depends on the order: the sorted values weighted by their position, so a wrong order shows.
 */
public final class SortWorkload implements Workload {

  static long rows(Scale scale) {
    return scale.pick(10_000_000L, 2_000_000L);
  }

  static Path dir(Scale scale, Path dataDir) {
    return dataDir.resolve("sort-" + rows(scale));
  }

  /** The kernel: a distributed read, a distributed sample sort, a row loop over the sorted rows. */
  @Jit
  public static double[] sortDigest(String path) {
    DataFrame sorted = DataFrame.readParquet(path).sortValues("x");
    Series x = sorted.column("x");
    Series id = sorted.column("id");
    int n = sorted.numRows();
    double weighted = 0;
    double payload = 0;
    for (int i = 0; i < n; i++) {
      weighted += x.getDouble(i) * (i % 1000);
      payload += id.getLong(i) % 7 * (i % 13);
    }
    return new double[] {n, weighted, payload};
  }

  /** The single-JVM peer: (x, id) pairs sorted with {@code Arrays.parallelSort} over packed indices. */
  public static double[] sortDigestStreams(Path dir) {
    try (DataFrame df = DataFrame.readParquet(dir.toString())) {
      double[] x = df.column("x").toDoubleArray();
      long[] id = df.column("id").toLongArray();
      Integer[] order = new Integer[x.length];
      Arrays.parallelSetAll(order, i -> i);
      Arrays.parallelSort(order, (a, b) -> Double.compare(x[a], x[b]));
      double weighted = 0;
      double payload = 0;
      for (int i = 0; i < order.length; i++) {
        weighted += x[order[i]] * (i % 1000);
        payload += id[order[i]] % 7 * (i % 13);
      }
      return new double[] {x.length, weighted, payload};
    }
  }

  @Override
  public String id() {
    return "sort";
  }

  @Override
  public String title(Scale scale) {
    return String.format("sortValues of %,d rows (double key, int64 payload)", rows(scale));
  }

  @Override
  public void prepare(Scale scale, Path dataDir, Consumer<String> progress) {
    ParquetData.ensure(dir(scale, dataDir), rows(scale), (first, n) -> {
      long[] id = new long[n];
      for (int i = 0; i < n; i++) {
        id[i] = first + i;
      }
      return List.of(Series.of("x", ParquetData.uniforms(first, n, 51)), Series.of("id", id));
    }, progress);
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    return sortDigest(dir(scale, dataDir).toString());
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    return sortDigestStreams(dir(scale, dataDir));
  }

  @Override
  public Optional<String> sql(SqlDialect dialect, Scale scale, Path dataDir) {
    return Optional.of("SELECT count(*), sum(x * ((rn - 1) % 1000)), sum((id % 7) * ((rn - 1) % 13)) FROM (SELECT x, id,"
        + " row_number() OVER (ORDER BY x, id) AS rn FROM " + dialect.parquet(dir(scale, dataDir)) + ")");
  }

  @Override
  public double[] digestRows(List<double[]> rows) {
    return rows.get(0).clone();
  }
}

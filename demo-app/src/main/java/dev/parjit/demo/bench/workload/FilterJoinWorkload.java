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

/**
 * A filter on a fact table, an inner join with a dimension table on an int64 key, and an
 * aggregate over the joined rows: {@code count(*)} and {@code sum(v * w)}. Fact keys span twice
 * the dimension's keys, so about half of the filtered rows find a match.
 */
public final class FilterJoinWorkload implements Workload {

  static long factRows(Scale scale) {
    return scale.pick(10_000_000L, 2_000_000L);
  }

  static long dimRows(Scale scale) {
    return scale.pick(1_000_000L, 200_000L);
  }

  static Path factDir(Scale scale, Path dataDir) {
    return dataDir.resolve("fact-" + factRows(scale) + "-" + dimRows(scale));
  }

  static Path dimDir(Scale scale, Path dataDir) {
    return dataDir.resolve("dim-" + dimRows(scale));
  }

  /** The kernel: distributed read, filter (1D_Var), shuffle join, distributed reductions. */
  @Jit
  public static double[] filterJoin(String fact, String dim) {
    DataFrame f = DataFrame.readParquet(fact);
    DataFrame selected = f.filter(f.column("v").gt(0.5));
    DataFrame joined = selected.merge(DataFrame.readParquet(dim), "k");
    double sum = joined.column("v").mul(joined.column("w")).sum();
    return new double[] {joined.numRows(), sum};
  }

  /** The single-JVM peer: the dimension in a hash map, fact row groups filtered and probed in parallel. */
  public static double[] filterJoinStreams(Path fact, Path dim) {
    Map<Long, Double> w = new HashMap<>();
    try (DataFrame d = DataFrame.readParquet(dim.toString())) {
      long[] k = d.column("k").toLongArray();
      double[] v = d.column("w").toDoubleArray();
      for (int i = 0; i < k.length; i++) {
        w.put(k[i], v[i]);
      }
    }
    ParquetDataset ds = ParquetDataset.open(fact);
    return ds.rowGroups().parallelStream().map(g -> {
      double count = 0;
      double sum = 0;
      try (DataFrame df = FrameIO.readParquet(ds, List.of("k", "v"), List.of(g))) {
        long[] k = df.column("k").toLongArray();
        double[] v = df.column("v").toDoubleArray();
        for (int i = 0; i < k.length; i++) {
          if (v[i] > 0.5) {
            Double m = w.get(k[i]);
            if (m != null) {
              count++;
              sum += v[i] * m;
            }
          }
        }
      }
      return new double[] {count, sum};
    }).reduce(new double[2], (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
  }

  @Override
  public String id() {
    return "filter-join";
  }

  @Override
  public String title(Scale scale) {
    return String.format("filter + join, %,d x %,d rows", factRows(scale), dimRows(scale));
  }

  @Override
  public void prepare(Scale scale, Path dataDir, Consumer<String> progress) {
    long dim = dimRows(scale);
    ParquetData.ensure(factDir(scale, dataDir), factRows(scale), (first, n) -> List.of(
        Series.of("k", ParquetData.keys(first, n, 31, 2 * dim)), Series.of("v", ParquetData.uniforms(first, n, 32))),
        progress);
    ParquetData.ensure(dimDir(scale, dataDir), dim, (first, n) -> {
      long[] k = new long[n];
      for (int i = 0; i < n; i++) {
        k[i] = first + i;
      }
      return List.of(Series.of("k", k), Series.of("w", ParquetData.uniforms(first, n, 33)));
    }, progress);
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    return filterJoin(factDir(scale, dataDir).toString(), dimDir(scale, dataDir).toString());
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    return filterJoinStreams(factDir(scale, dataDir), dimDir(scale, dataDir));
  }

  @Override
  public Optional<String> sql(SqlDialect dialect, Scale scale, Path dataDir) {
    return Optional.of("SELECT count(*), sum(f.v * d.w) FROM " + dialect.parquet(factDir(scale, dataDir))
        + " f JOIN " + dialect.parquet(dimDir(scale, dataDir)) + " d ON f.k = d.k WHERE f.v > 0.5");
  }

  @Override
  public double[] digestRows(List<double[]> rows) {
    return rows.get(0).clone();
  }
}

package dev.parjit.demo.bench.workload;

import dev.parjit.Jit;
import dev.parjit.demo.bench.Scale;
import dev.parjit.demo.bench.sql.SqlDialect;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import dev.parjit.frame.io.FrameIO;
import dev.parjit.frame.io.parquet.ParquetDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Mean of two of four double columns of a Parquet dataset (SNAPPY, 1M-row row groups). */
public final class ParquetMeanWorkload implements Workload {

  static long rows(Scale scale) {
    return scale.pick(20_000_000L, 5_000_000L);
  }

  static Path dir(Scale scale, Path dataDir) {
    return dataDir.resolve("mean4-" + rows(scale));
  }

  /** The kernel: each rank reads its share of the row groups, the means are allreduced. */
  @Jit
  public static Series twoColumnMean(String path) {
    return DataFrame.readParquet(path, "a", "b").mean();
  }

  /** The single-JVM peer: row groups read and summed in parallel. */
  public static double[] twoColumnMeanStreams(Path dir) {
    ParquetDataset ds = ParquetDataset.open(dir);
    double[] t = ds.rowGroups().parallelStream().map(g -> {
      try (DataFrame df = FrameIO.readParquet(ds, List.of("a", "b"), List.of(g))) {
        return new double[] {df.column("a").sum(), df.column("b").sum(), df.numRows()};
      }
    }).reduce(new double[3], (x, y) -> new double[] {x[0] + y[0], x[1] + y[1], x[2] + y[2]});
    return new double[] {t[0] / t[2], t[1] / t[2]};
  }

  @Override
  public String id() {
    return "parquet-mean";
  }

  @Override
  public String title(Scale scale) {
    return String.format("Parquet mean of 2 of 4 double columns, %,d rows", rows(scale));
  }

  @Override
  public void prepare(Scale scale, Path dataDir, Consumer<String> progress) {
    ParquetData.ensure(dir(scale, dataDir), rows(scale), (first, n) -> List.of(
        Series.of("a", ParquetData.uniforms(first, n, 1)), Series.of("b", ParquetData.uniforms(first, n, 2)),
        Series.of("c", ParquetData.uniforms(first, n, 3)), Series.of("d", ParquetData.uniforms(first, n, 4))),
        progress);
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    try (Series m = twoColumnMean(dir(scale, dataDir).toString())) {
      return new double[] {m.getDouble(0), m.getDouble(1)};
    }
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    return twoColumnMeanStreams(dir(scale, dataDir));
  }

  @Override
  public Optional<String> sql(SqlDialect dialect, Scale scale, Path dataDir) {
    return Optional.of("SELECT avg(a), avg(b) FROM " + dialect.parquet(dir(scale, dataDir)));
  }

  @Override
  public double[] digestRows(List<double[]> rows) {
    return rows.get(0).clone();
  }
}

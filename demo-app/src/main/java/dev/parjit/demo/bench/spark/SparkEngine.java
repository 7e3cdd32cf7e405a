package dev.parjit.demo.bench.spark;

import dev.parjit.demo.bench.sql.SqlDialect;
import dev.parjit.demo.bench.sql.SqlEngine;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark SQL in process, {@code local[threads]}, UI and event log off. Compiled only by the
 * {@code -Pspark} build (the default build excludes this package and never downloads Spark).
 */
public final class SparkEngine implements SqlEngine {
  private final SparkSession spark;

  /** Starts a local session with {@code threads} cores and as many shuffle partitions. */
  public SparkEngine(int threads) {
    spark = SparkSession.builder().appName("parjit-bench").master("local[" + threads + "]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", Integer.toString(threads))
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
  }

  @Override
  public SqlDialect dialect() {
    return SqlDialect.SPARK;
  }

  @Override
  public List<double[]> query(String sql) {
    List<double[]> rows = new ArrayList<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      double[] row = new double[r.length()];
      for (int i = 0; i < row.length; i++) {
        row[i] = ((Number) r.get(i)).doubleValue();
      }
      rows.add(row);
    }
    return rows;
  }

  @Override
  public void execute(String statement) {
    spark.sql(statement).collectAsList(); // CACHE TABLE is eager: the rows are in memory on return
  }

  @Override
  public void close() {
    spark.stop();
  }
}

package dev.parjit.demo.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parjit.demo.bench.Scale;
import dev.parjit.demo.bench.report.Tolerance;
import dev.parjit.demo.bench.sql.DuckDbEngine;
import dev.parjit.demo.bench.sql.SqlDialect;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The k-means step's SQL form (what DuckDB and Spark run: the points kept by the first call, then
 * the step as a query) gives the plain-Java kernel's answer, on the second call as on the first.
 */
class KMeansFrameSqlTest {

  @Test
  void theSqlStepOverTheKeptPointsAgreesWithTheKernel(@TempDir Path data) throws Exception {
    Workload w = Workloads.byId("kmeans-frame");
    w.prepare(Scale.QUICK, data, m -> { });
    double[] kernel = w.runJit(Scale.QUICK, data); // no agent: the sequential run
    try (DuckDbEngine db = new DuckDbEngine(2)) {
      for (String statement : w.sqlSetup(SqlDialect.DUCKDB, Scale.QUICK, data)) {
        db.execute(statement);
      }
      String query = w.sql(SqlDialect.DUCKDB, Scale.QUICK, data).orElseThrow();
      for (int call = 1; call <= 2; call++) {
        List<double[]> rows = db.query(query);
        assertEquals(KMeansWorkload.K, rows.size(), "every cluster has points");
        double[] sql = w.digestRows(rows);
        assertEquals(-1, Tolerance.firstMismatch(kernel, sql, w.tolerance()),
            "call " + call + ": " + Arrays.toString(kernel) + " vs " + Arrays.toString(sql));
      }
    }
  }
}

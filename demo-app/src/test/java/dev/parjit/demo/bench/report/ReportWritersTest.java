package dev.parjit.demo.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritersTest {

  static ResultTable sample() {
    ResultTable t = new ResultTable(List.of("sequential", "Parjit spawn", "DuckDB", "Spark"));
    t.addWorkload("mc", "Monte Carlo", 1e-9);
    t.put("mc", "sequential", Cell.of(new Measurement(150, new double[] {1500, 1400, 1600}, new double[] {3.14})));
    t.put("mc", "Parjit spawn", Cell.of(new Measurement(2100, 3400, new double[] {700, 760, 720}, new double[] {3.14})
        .withCachedFirstFromStart(2900)));
    t.put("mc", "DuckDB", Cell.skipped("n/a", ""));
    t.put("mc", "Spark", Cell.skipped("not built", ""));
    t.addWorkload("gb", "groupBy", 1e-9);
    t.put("gb", "sequential", Cell.of(new Measurement(90, new double[] {8.5, 9, 9.5}, new double[] {1, 2})));
    t.put("gb", "DuckDB", Cell.of(new Measurement(20, new double[] {4, 5, 6}, new double[] {1, 2})));
    return t;
  }

  @Test
  void markdownHasMedianRangeAndRatioPerRunner() {
    String md = MarkdownReport.render(sample(), "Quick run.", new Environment(List.of("cores: 2", "JDK: 17")));
    assertTrue(md.contains("| workload | sequential | Parjit spawn | DuckDB | Spark |"), md);
    assertTrue(md.contains("| Monte Carlo | 1500 (1400–1600) 1.00× | 720 (700–760) 2.08× | n/a | not built |"), md);
    assertTrue(md.contains("| groupBy | 9.00 (8.50–9.50) 1.00× | — | 5.00 (4.00–6.00) 1.80× | — |"), md);
    // (from process start; with the compile cache filled)
    assertTrue(md.contains("| Monte Carlo | 150 | 2100 (3400; cache on: 2900) | n/a | not built |"), md);
    assertTrue(md.contains("Every runner's answer matched"), md);
    assertTrue(md.contains("- cores: 2\n- JDK: 17\n"), md);
  }

  @Test
  void markdownListsMismatches() {
    ResultTable t = sample();
    t.put("gb", "Spark", Cell.of(new Measurement(1, new double[] {1}, new double[] {1, 3})));
    String md = MarkdownReport.render(t, "", new Environment(List.of()));
    assertTrue(md.contains("1.00 (1.00–1.00) 9.00× MISMATCH"), md);
    assertTrue(md.contains("- groupBy, Spark: MISMATCH: result element 1 differs"), md);
  }

  @Test
  void chartIsAPngEvenWithMissingCells(@TempDir Path dir) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Path png = dir.resolve("bench-results.png");
    ChartReport.write(png, sample(), "test");
    assertTrue(Files.size(png) > 1000);
    assertEquals(1200, ImageIO.read(png.toFile()).getWidth());
  }

  @Test
  void engineVersionsComeFromTheClasspath() {
    String cp = String.join(File.pathSeparator, "/r/org/duckdb/duckdb_jdbc/2.0.0.1/duckdb_jdbc-2.0.0.1.jar",
        "/r/spark-sql_2.13-4.2.0.jar");
    assertEquals("2.0.0.1", Environment.jarVersion(cp, "duckdb_jdbc"));
    assertEquals("4.2.0", Environment.jarVersion(cp, "spark-sql_2.13"));
    assertEquals("absent", Environment.jarVersion(cp, "xchart"));
  }
}

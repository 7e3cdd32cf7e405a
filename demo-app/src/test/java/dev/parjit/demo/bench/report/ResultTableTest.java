package dev.parjit.demo.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

  static Measurement m(double[] times, double... result) {
    return new Measurement(999, times, result);
  }

  static ResultTable table() {
    ResultTable t = new ResultTable(List.of("sequential", "streams", "duckdb", "spark"));
    t.addWorkload("w", "Workload W", 1e-9);
    return t;
  }

  @Test
  void medianMinMaxAndSpeedup() {
    Measurement odd = m(new double[] {30, 10, 20}, 1);
    assertEquals(20, odd.median());
    assertEquals(10, odd.min());
    assertEquals(30, odd.max());
    Measurement even = m(new double[] {40, 10, 20, 30}, 1);
    assertEquals(25, even.median());
    assertEquals(2.0, m(new double[] {10}, 1).speedupOver(odd), 1e-12);
  }

  @Test
  void ratiosAreAgainstTheFirstRunner() {
    ResultTable t = table();
    t.put("w", "sequential", Cell.of(m(new double[] {100, 100, 100}, 3.0)));
    t.put("w", "streams", Cell.of(m(new double[] {50, 40, 60}, 3.0)));
    t.put("w", "spark", Cell.skipped("not built", ""));
    assertEquals(1.0, t.speedup("w", "sequential"), 1e-12);
    assertEquals(2.0, t.speedup("w", "streams"), 1e-12);
    assertTrue(Double.isNaN(t.speedup("w", "spark")));
    assertTrue(Double.isNaN(t.speedup("w", "duckdb")));
    assertFalse(t.anyBad());
  }

  @Test
  void answersWithinTheToleranceMatch() {
    ResultTable t = table();
    t.put("w", "sequential", Cell.of(m(new double[] {1}, 1.0, 1e20)));
    Cell c = t.put("w", "streams", Cell.of(m(new double[] {1}, 1.0 + 5e-10, 1e20 * (1 - 9e-10))));
    assertEquals(Cell.OK, c.status());
    assertFalse(t.anyBad());
  }

  @Test
  void aDifferentAnswerIsAMismatchAndFailsTheRun() {
    ResultTable t = table();
    t.put("w", "sequential", Cell.of(m(new double[] {1}, 1.0, 2.0)));
    Cell c = t.put("w", "duckdb", Cell.of(m(new double[] {1}, 1.0, 2.0 + 1e-6)));
    assertEquals(Cell.MISMATCH, c.status());
    assertTrue(c.detail().contains("element 1"), c.detail());
    assertTrue(t.anyBad());
    assertEquals(c, t.cell("w", "duckdb"));
  }

  @Test
  void withoutABaselineTheFirstAnswerIsTheReference() {
    ResultTable t = table();
    t.put("w", "sequential", Cell.skipped(Cell.FAILED, "boom"));
    t.put("w", "streams", Cell.of(m(new double[] {1}, 7.0)));
    assertEquals(Cell.MISMATCH, t.put("w", "duckdb", Cell.of(m(new double[] {1}, 8.0))).status());
    assertTrue(t.anyBad());
  }

  @Test
  void toleranceEdgeCases() {
    assertEquals(-1, Tolerance.firstMismatch(new double[] {0, Double.NaN}, new double[] {-0.0, Double.NaN}, 1e-9));
    assertEquals(0, Tolerance.firstMismatch(new double[] {0}, new double[] {1e-300}, 1e-9));
    assertEquals(1, Tolerance.firstMismatch(new double[] {1}, new double[] {1, 2}, 1e-9));
    assertTrue(Tolerance.close(1e9, 1e9 + 0.5, 1e-9));
    assertFalse(Tolerance.close(1e9, 1e9 + 2, 1e-9));
    assertFalse(Tolerance.close(1, Double.POSITIVE_INFINITY, 1e-9));
  }
}

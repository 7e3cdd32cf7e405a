package dev.parjit.demo.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Medians of one JVM's runs, and several rounds' runs pooled. */
class MeasurementTest {

  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(20, new Measurement(1, new double[] {30, 10, 20}, new double[0]).median());
    assertEquals(25, new Measurement(1, new double[] {40, 10, 20, 30}, new double[0]).median());
  }

  @Test
  void poolingKeepsEveryWarmRunTheMedianColdCallAndTheFirstAnswer() {
    Measurement a = new Measurement(900, 2900, new double[] {10, 12, 11}, new double[] {1.5});
    Measurement b = new Measurement(1100, 2500, new double[] {20, 19, 21}, new double[] {1.5000001});
    Measurement c = new Measurement(1000, 2700, new double[] {13, 30, 14}, new double[] {1.4999999});
    Measurement p = Measurement.pooled(List.of(a, b, c));
    assertEquals(9, p.timesMs().length);
    assertEquals(14, p.median()); // 10 11 12 13 [14] 19 20 21 30
    assertEquals(10, p.min());
    assertEquals(30, p.max());
    assertEquals(1000, p.firstMs());
    assertEquals(2700, p.firstFromStartMs()); // the median, independently of the cold call's
    assertArrayEquals(new double[] {1.5}, p.result());
  }

  @Test
  void poolingTakesTheMedianColdCallWithTheCompileCacheOfTheRoundsThatMeasuredIt() {
    Measurement a = new Measurement(900, 2900, new double[] {10}, new double[] {1.5}).withCachedFirstFromStart(800);
    Measurement b = new Measurement(900, 2900, new double[] {10}, new double[] {1.5}).withCachedFirstFromStart(600);
    Measurement c = new Measurement(900, 2900, new double[] {10}, new double[] {1.5});
    assertEquals(700, Measurement.pooled(List.of(a, b, c)).firstFromStartCachedMs());
    assertTrue(Double.isNaN(Measurement.pooled(List.of(c, c)).firstFromStartCachedMs()));
  }

  @Test
  void aJvmThatDidNotReportItsStartPoolsToNaN() {
    Measurement a = new Measurement(900, new double[] {10}, new double[] {1.5});
    assertTrue(Double.isNaN(Measurement.pooled(List.of(a, a)).firstFromStartMs()));
  }

  @Test
  void nothingToPool() {
    assertThrows(IllegalArgumentException.class, () -> Measurement.pooled(List.of()));
  }
}

package dev.parjit.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavaExtremaTest {

  @Test
  void aNaNOnAnyRankWinsAsInMathMax() {
    double[] values = new double[2];
    // three ranks, two elements each: element 0 has a NaN on the middle rank only
    JavaExtrema.fold(new double[] {1, 5, Double.NaN, 2, 3, 7}, values, ReduceOp.MAX);
    assertEquals(Double.NaN, values[0]);
    assertEquals(7.0, values[1]);
    JavaExtrema.fold(new double[] {1, 5, Double.NaN, 2, 3, 7}, values, ReduceOp.MIN);
    assertEquals(Double.NaN, values[0]);
    assertEquals(2.0, values[1]);
  }

  @Test
  void signedZerosAreOrderedAsInMath() {
    double[] values = new double[1];
    JavaExtrema.fold(new double[] {-0.0, 0.0}, values, ReduceOp.MAX);
    assertEquals(0, Double.compare(0.0, values[0]));
    JavaExtrema.fold(new double[] {0.0, -0.0}, values, ReduceOp.MAX);
    assertEquals(0, Double.compare(0.0, values[0]));
    JavaExtrema.fold(new double[] {0.0, -0.0}, values, ReduceOp.MIN);
    assertEquals(0, Double.compare(-0.0, values[0]));
  }

  @Test
  void noRanksContributingNothingLeavesNothing() {
    double[] values = new double[0];
    JavaExtrema.fold(new double[0], values, ReduceOp.MAX);
    assertEquals(0, values.length);
  }
}

package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Floating sums and products combined to NaN or an infinity ({@link NonFiniteReductions}): with the
 * spawn workers' switch on, every rank ends the call with {@link NonFiniteReduction} alike (packed
 * combine, separate allreduce, array reductions) and the call is marked; finite values, min/max,
 * integers and one rank pass; with the switch off (SPMD) the combined value stands.
 */
class NonFiniteReductionsTest {

  private static final int SUM = 0;
  private static final int PROD = 1;
  private static final int MAX = 3;

  @AfterEach
  void off() {
    ParallelRuntime.rerunNonFiniteReductions(false);
  }

  /** What each rank's body did: its value, or the simple name of what it threw. */
  private static List<Object> outcomes(int p, IntFunction<Object> body) throws Exception {
    return SimulatedRanks.run(p, r -> {
      try {
        return body.apply(r);
      } catch (NonFiniteReduction e) {
        return "signal";
      }
    });
  }

  /** Rank 0 overflows up, the others down: the sequential loop would stay at +Infinity. */
  private static double overflowing(int r) {
    return r == 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
  }

  @Test
  void packedScalarsAndArraysSignalOnEveryRank() throws Exception {
    ParallelRuntime.rerunNonFiniteReductions(true);
    assertEquals(List.of("signal", "signal"), outcomes(2, r -> {
      ParallelRuntime.combineScalar(overflowing(r), SUM);
      ParallelRuntime.combineLoop();
      return ParallelRuntime.combinedDouble(0);
    }));
    assertTrue(ParallelRuntime.takeNonFiniteReduction());
    assertFalse(ParallelRuntime.takeNonFiniteReduction(), "taken once");
    assertEquals(List.of("signal", "signal", "signal"), outcomes(3, r -> {
      ParallelRuntime.combineArray(new float[] {1f, r == 1 ? 3e38f : 1f}, SUM);
      ParallelRuntime.combineScalar(r == 2 ? 3e38f : 3e38f, SUM); // 9e38f overflows float
      ParallelRuntime.combineLoop();
      return ParallelRuntime.combinedFloat(0);
    }));
    assertEquals(List.of("signal", "signal"), outcomes(2, r -> {
      double[] bins = {1, r == 0 ? Double.MAX_VALUE : Double.MAX_VALUE};
      ParallelRuntime.combineArray(bins, SUM);
      ParallelRuntime.combineLoop();
      return bins[1];
    }));
  }

  @Test
  void separateAllreducesSignalForSumsAndProductsOnly() throws Exception {
    ParallelRuntime.rerunNonFiniteReductions(true);
    assertEquals(List.of("signal", "signal"), outcomes(2, r -> ParallelRuntime.allreduce(r == 0 ? 1e200 : 1e200, PROD)));
    assertEquals(List.of("signal", "signal"), outcomes(2, r -> {
      double[] a = {r == 0 ? Double.NaN : 1};
      ParallelRuntime.arrayAllreduce(a, SUM);
      return a[0];
    }));
    assertTrue(ParallelRuntime.takeNonFiniteReduction());
    assertEquals(List.of(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY),
        outcomes(2, r -> ParallelRuntime.allreduce(overflowing(r), MAX)), "max is exact whatever the values");
    assertEquals(List.of(3.0, 3.0), outcomes(2, r -> ParallelRuntime.allreduce(r + 1.0, SUM)));
    assertEquals(List.of(Double.NaN), outcomes(1, r -> ParallelRuntime.allreduce(Double.NaN, SUM)),
        "one rank computes the sequential value itself");
    assertFalse(ParallelRuntime.takeNonFiniteReduction());
  }

  @Test
  void aLoopFailureIsTheAgreedOneAndTheSwitchOffKeepsTheValue() throws Exception {
    ParallelRuntime.rerunNonFiniteReductions(true);
    List<Object> failed = outcomes(2, r -> {
      if (r == 1) {
        ParallelRuntime.loopFailed(new ArithmeticException("/ by zero"));
      }
      ParallelRuntime.combineScalar(overflowing(r), SUM);
      try {
        ParallelRuntime.combineLoop();
      } catch (ArithmeticException e) {
        return e.getMessage();
      }
      return ParallelRuntime.combinedDouble(0);
    });
    assertEquals(List.of("/ by zero", "/ by zero"), failed);
    ParallelRuntime.rerunNonFiniteReductions(false);
    assertEquals(List.of(Double.NaN, Double.NaN), outcomes(2, r -> {
      ParallelRuntime.combineScalar(overflowing(r), SUM);
      ParallelRuntime.combineLoop();
      return ParallelRuntime.combinedDouble(0);
    }));
    assertFalse(ParallelRuntime.takeNonFiniteReduction());
  }
}

package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.ParjitExecutionException;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Failure agreement at the end of a parallel loop, with ranks simulated as threads. */
class LoopFailuresTest {

  /** What each rank's loop did: {@code null} for no failure. Returns what each rank's agreement threw. */
  private static List<Throwable> agreeAfter(int p, IntFunction<Throwable> failureOf) throws Exception {
    return SimulatedRanks.run(p, r -> {
      Throwable mine = failureOf.apply(r);
      if (mine != null) {
        ParallelRuntime.loopFailed(mine);
      }
      try {
        ParallelRuntime.agreeLoop();
        return null;
      } catch (Throwable t) {
        return t;
      }
    });
  }

  @Test
  void noFailureMeansEveryRankGoesOn() throws Exception {
    for (int p = 1; p <= 4; p++) {
      agreeAfter(p, r -> null).forEach(t -> assertNull(t));
    }
  }

  @Test
  void everyRankThrowsTheOneFailureOfAnyRank() throws Exception {
    for (int p = 1; p <= 4; p++) {
      for (int failing = 0; failing < p; failing++) {
        int k = failing;
        ArithmeticException original = new ArithmeticException("/ by zero");
        List<Throwable> thrown = agreeAfter(p, r -> r == k ? original : null);
        for (int r = 0; r < p; r++) {
          Throwable t = thrown.get(r);
          if (r == k) {
            assertSame(original, t, "the failing rank rethrows its own exception");
          } else {
            assertEquals(ArithmeticException.class, t.getClass());
            assertEquals("/ by zero", t.getMessage());
            assertArrayEquals(original.getStackTrace(), t.getStackTrace(), "the failing rank's stack trace");
          }
        }
      }
    }
  }

  @Test
  void theLowestFailingRankWinsAsInTheSequentialOrder() throws Exception {
    List<Throwable> thrown = agreeAfter(4, r -> r == 0 ? null
        : r == 1 ? new ArrayIndexOutOfBoundsException("Index 7 out of bounds for length 7")
        : new IllegalStateException("rank " + r));
    for (Throwable t : thrown) {
      assertEquals(ArrayIndexOutOfBoundsException.class, t.getClass());
      assertEquals("Index 7 out of bounds for length 7", t.getMessage());
    }
  }

  @Test
  void aNullMessageIsKept() throws Exception {
    for (Throwable t : agreeAfter(3, r -> r == 2 ? new IllegalStateException() : null)) {
      assertEquals(IllegalStateException.class, t.getClass());
      assertNull(t.getMessage());
    }
  }

  /** No public (String) constructor: cannot be re-created on other ranks. */
  /** No (String) or (Object) constructor, and a field that does not serialize. */
  static final class Unbuildable extends RuntimeException {
    private final Object lock = new Object();

    Unbuildable(int code) {
      super("code " + code);
    }
  }

  /** A program's own exception: no (String) constructor, a field of its own; it serializes. */
  static final class CodedFailure extends RuntimeException {
    final int code;

    CodedFailure(int code, Throwable cause) {
      super("failed with code " + code, cause);
      this.code = code;
    }
  }

  @Test
  void aProgramsOwnExceptionArrivesWithItsFieldsAndCauseOnEveryRank() throws Exception {
    CodedFailure original = new CodedFailure(42, new ArithmeticException("/ by zero"));
    List<Throwable> thrown = agreeAfter(3, r -> r == 2 ? original : null);
    for (int r = 0; r < 3; r++) {
      CodedFailure e = assertInstanceOf(CodedFailure.class, thrown.get(r), "rank " + r);
      assertEquals(42, e.code);
      assertEquals("failed with code 42", e.getMessage());
      assertEquals("/ by zero", e.getCause().getMessage());
      assertArrayEquals(original.getStackTrace(), e.getStackTrace());
    }
    assertSame(original, thrown.get(2), "the failing rank throws its own");
  }

  @Test
  void aTypeThatCannotBeRebuiltBecomesAnExecutionExceptionNamingItOnEveryRank() throws Exception {
    Unbuildable original = new Unbuildable(42);
    List<Throwable> thrown = agreeAfter(3, r -> r == 1 ? original : null);
    for (int r = 0; r < 3; r++) {
      // Every rank alike, the failing one too: a rank throwing another type would take another handler
      // and wait in other collectives than the rest.
      ParjitExecutionException e = assertInstanceOf(ParjitExecutionException.class, thrown.get(r));
      assertEquals(1, e.getRank());
      assertTrue(e.getMessage().contains(Unbuildable.class.getName()) && e.getMessage().contains("code 42")
          && e.getMessage().contains("rank 1"), e.getMessage());
      assertSame(r == 1 ? original : null, e.getCause(), "the failing rank keeps its original as the cause");
    }
  }

  @Test
  void anAssertionErrorIsRebuiltThroughItsObjectConstructor() throws Exception {
    // new AssertionError("low at " + i) calls AssertionError(Object): there is no public (String) one.
    for (Throwable t : agreeAfter(3, r -> r == 2 ? new AssertionError("low at 34") : null)) {
      assertEquals(AssertionError.class, t.getClass());
      assertEquals("low at 34", t.getMessage());
    }
  }

  @Test
  void theCauseChainIsRebuilt() throws Exception {
    Throwable original = new IllegalStateException("at 10", new RuntimeException(new ArithmeticException("inner 10")));
    List<Throwable> thrown = agreeAfter(4, r -> r == 1 ? original : null);
    for (int r = 0; r < 4; r++) {
      Throwable t = thrown.get(r);
      assertEquals(IllegalStateException.class, t.getClass());
      assertEquals("at 10", t.getMessage());
      Throwable c = t.getCause();
      assertEquals(RuntimeException.class, c.getClass());
      assertEquals("java.lang.ArithmeticException: inner 10", c.getMessage());
      assertEquals(ArithmeticException.class, c.getCause().getClass());
      assertEquals("inner 10", c.getCause().getMessage());
      assertNull(c.getCause().getCause());
      assertArrayEquals(original.getCause().getStackTrace(), c.getStackTrace(), "the cause's stack trace");
    }
  }

  @Test
  void aCauseThatCannotBeRebuiltMakesTheWholeFailureAnExecutionException() throws Exception {
    List<Throwable> thrown = agreeAfter(2, r -> r == 0 ? new IllegalStateException("outer", new Unbuildable(7)) : null);
    for (Throwable t : thrown) {
      assertInstanceOf(ParjitExecutionException.class, t);
    }
  }

  @Test
  void aCheckedExceptionLeavesAsItself() throws Exception {
    List<Throwable> thrown = agreeAfter(2, r -> r == 0 ? new java.io.IOException("disk") : null);
    for (Throwable t : thrown) {
      assertEquals(java.io.IOException.class, t.getClass());
      assertEquals("disk", t.getMessage());
    }
  }

  @Test
  void aFailureNeverLeaksIntoTheNextLoopOrCall() throws Exception {
    List<String> outcomes = SimulatedRanks.run(3, r -> {
      StringBuilder sb = new StringBuilder();
      if (r == 1) {
        ParallelRuntime.loopFailed(new IllegalStateException("first"));
      }
      try {
        ParallelRuntime.agreeLoop();
        sb.append("ok ");
      } catch (IllegalStateException e) {
        sb.append(e.getMessage()).append(' ');
      }
      ParallelRuntime.agreeLoop(); // the failure was consumed
      sb.append("ok ");
      // A failure recorded but never agreed on (the call left some other way) is dropped at the next call.
      ParallelRuntime.loopFailed(new IllegalStateException("stale"));
      ParallelRuntime.enterCall("T.m()V");
      ParallelRuntime.agreeLoop();
      return sb.append("ok").toString();
    });
    outcomes.forEach(o -> assertEquals("first ok ok", o));
  }
}

package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A parallel loop's combine block in one collective ({@link ParallelRuntime#combineLoop()}), on 1–4
 * simulated ranks: every operator on every type gives the fold of the ranks' partials in rank order
 * with the loop's Java operator (exact for integers, NaN and signed zeros as {@code Math.min/max});
 * several scalars and arrays share one collective; an array too long for the slot takes one more;
 * when some ranks' iterations threw, the arrays hold the partials up to the lowest failing rank and
 * every rank throws that rank's failure; a rank whose frame operation failed (flag only) meets the
 * combine in step.
 */
class PackedReductionsTest {

  private static final int SUM = 0;
  private static final int PROD = 1;
  private static final int MIN = 2;
  private static final int MAX = 3;
  private static final int LAND = 4;
  private static final int LOR = 5;
  private static final int BAND = 6;
  private static final int BOR = 7;
  private static final int BXOR = 8;

  private static final double[] SPECIAL = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, -1.5, 1e300};

  /** Rank {@code r}'s partial {@code i} of a double reduction: mostly random, with NaN and signed zeros mixed in. */
  private static double partialD(long seed, int r, int i) {
    Random rnd = new Random(seed * 31 + r * 7 + i);
    return rnd.nextInt(4) == 0 ? SPECIAL[rnd.nextInt(SPECIAL.length)] : rnd.nextDouble() * 10 - 5;
  }

  private static long partialJ(long seed, int r, int i) {
    Random rnd = new Random(seed * 17 + r * 5 + i);
    return rnd.nextInt(3) == 0 ? Long.MAX_VALUE - rnd.nextInt(3) : rnd.nextLong();
  }

  private static double foldD(double a, double b, int op) {
    return switch (op) {
      case SUM -> a + b;
      case PROD -> a * b;
      case MIN -> Math.min(a, b);
      default -> Math.max(a, b);
    };
  }

  private static long foldJ(long a, long b, int op) {
    return switch (op) {
      case SUM -> a + b;
      case PROD -> a * b;
      case MIN -> Math.min(a, b);
      case MAX -> Math.max(a, b);
      case LAND -> (a != 0 && b != 0) ? 1 : 0;
      case LOR -> (a != 0 || b != 0) ? 1 : 0;
      case BAND -> a & b;
      case BOR -> a | b;
      default -> a ^ b;
    };
  }

  private static long logical(long v, int op) {
    return op == LAND || op == LOR ? (v != 0 ? 1 : 0) : v;
  }

  @Test
  void everyOperatorOnEveryTypeIsTheRankOrderFoldInOneCollective() throws Exception {
    for (int p = 1; p <= 4; p++) {
      for (long seed = 0; seed < 5; seed++) {
        long s = seed;
        int ranks = p;
        List<List<Object>> out = SimulatedRanks.run(p, r -> {
          for (int op = SUM; op <= MAX; op++) {
            ParallelRuntime.combineScalar(partialD(s, r, op), op);
            ParallelRuntime.combineScalar((float) partialD(s, r, 10 + op), op);
          }
          for (int op = SUM; op <= BXOR; op++) {
            ParallelRuntime.combineScalar(partialJ(s, r, op), op);
            ParallelRuntime.combineScalar((int) partialJ(s, r, 20 + op), op);
          }
          long before = SimulatedRanks.collectives();
          ParallelRuntime.combineLoop();
          List<Object> results = new ArrayList<>();
          int i = 0;
          for (int op = SUM; op <= MAX; op++) {
            results.add(Double.doubleToRawLongBits(ParallelRuntime.combinedDouble(i++)));
            results.add(Float.floatToRawIntBits(ParallelRuntime.combinedFloat(i++)));
          }
          for (int op = SUM; op <= BXOR; op++) {
            results.add(ParallelRuntime.combinedLong(i++));
            results.add(ParallelRuntime.combinedInt(i++));
          }
          results.add(SimulatedRanks.collectives() - before);
          return results;
        });
        List<Object> expected = new ArrayList<>();
        for (int op = SUM; op <= MAX; op++) {
          double d = partialD(s, 0, op);
          float f = (float) partialD(s, 0, 10 + op);
          for (int r = 1; r < ranks; r++) {
            d = foldD(d, partialD(s, r, op), op);
            f = (float) foldD(f, (float) partialD(s, r, 10 + op), op); // float arithmetic: exact in double, rounded once
          }
          expected.add(Double.doubleToRawLongBits(d));
          expected.add(Float.floatToRawIntBits(f));
        }
        for (int op = SUM; op <= BXOR; op++) {
          // one rank keeps the loop's own value (nothing is combined); more see logical operands as 0/1, as MPI does
          long l = ranks == 1 ? partialJ(s, 0, op) : logical(partialJ(s, 0, op), op);
          int n = ranks == 1 ? (int) partialJ(s, 0, 20 + op) : (int) logical((int) partialJ(s, 0, 20 + op), op);
          for (int r = 1; r < ranks; r++) {
            l = foldJ(l, partialJ(s, r, op), op);
            n = (int) foldJ(n, (int) partialJ(s, r, 20 + op), op);
          }
          expected.add(l);
          expected.add(n);
        }
        expected.add(ranks == 1 ? 0L : 1L);
        for (int r = 0; r < p; r++) {
          assertEquals(expected, out.get(r), "rank " + r + " of " + p + ", seed " + seed);
        }
      }
    }
  }

  /** Each rank's arrays: {@code h[j] = 10 * (r + 1) + j} (sum), {@code m[j]} (min), {@code big[j]} (sum, too long). */
  private static double[] histogram(int r, int n) {
    double[] h = new double[n];
    for (int j = 0; j < n; j++) {
      h[j] = 10 * (r + 1) + j + 0.25;
    }
    return h;
  }

  /** What the arrays and scalars hold after ranks {@code 0..last} contributed, per the rank-order fold. */
  private static List<Object> expectedArrays(int last, int n, int big) {
    double[] h = histogram(0, n);
    long[] m = new long[n];
    double[] b = histogram(0, big);
    for (int j = 0; j < n; j++) {
      m[j] = -j;
    }
    for (int r = 1; r <= last; r++) {
      double[] hr = histogram(r, n);
      double[] br = histogram(r, big);
      for (int j = 0; j < n; j++) {
        h[j] += hr[j];
        m[j] = Math.min(m[j], -j - r);
      }
      for (int j = 0; j < big; j++) {
        b[j] += br[j];
      }
    }
    return List.of(Arrays.toString(h), Arrays.toString(m), Arrays.toString(b));
  }

  private static List<Object> arraysLoop(int r, int n, int big, List<Integer> failing, List<Long> collectives) {
    double[] h = histogram(r, n);
    long[] m = new long[n];
    for (int j = 0; j < n; j++) {
      m[j] = -j - r;
    }
    double[] b = histogram(r, big);
    RuntimeException mine = new IllegalArgumentException("iteration failed on rank " + r);
    if (failing.contains(r)) {
      ParallelRuntime.loopFailed(mine);
    }
    long before = SimulatedRanks.collectives();
    String thrown = "none";
    double total = Double.NaN;
    ParallelRuntime.combineScalar(r + 0.5, SUM);
    ParallelRuntime.combineArray(h, SUM);
    ParallelRuntime.combineArray(m, MIN);
    ParallelRuntime.combineArray(b, SUM);
    try {
      ParallelRuntime.combineLoop();
      total = ParallelRuntime.combinedDouble(0);
    } catch (IllegalArgumentException e) {
      if (!failing.isEmpty() && failing.get(0) == r) {
        assertSame(mine, e, "the lowest failing rank throws its own exception");
      }
      thrown = e.getMessage();
    }
    synchronized (collectives) {
      collectives.add(SimulatedRanks.collectives() - before);
    }
    return List.of(Arrays.toString(h), Arrays.toString(m), Arrays.toString(b), thrown, total);
  }

  @Test
  void arraysAndScalarsShareTheCollectiveAndALongArrayTakesOneMore() throws Exception {
    int n = 8;
    for (int big : new int[] {0, 3, 200}) {
      for (int p = 1; p <= 4; p++) {
        List<Long> collectives = new ArrayList<>();
        List<List<Object>> out = SimulatedRanks.run(p, r -> arraysLoop(r, n, big, List.of(), collectives));
        double total = 0;
        for (int r = 0; r < p; r++) {
          total += r + 0.5;
        }
        List<Object> expected = new ArrayList<>(expectedArrays(p - 1, n, big));
        expected.add("none");
        expected.add(total);
        for (int r = 0; r < p; r++) {
          assertEquals(expected, out.get(r), "rank " + r + " of " + p + ", long array of " + big);
          long want = p == 1 ? 0 : big > 40 ? 2 : 1; // 1 + 8 + 8 + 3 words fit in the slot; 200 do not
          assertEquals(want, collectives.get(r), "collectives on " + p + " ranks, long array of " + big);
        }
      }
    }
  }

  @Test
  void aLongArrayAfterAShortOneInTheSameThreadIsNotTakenForPacked() throws Exception {
    for (int p = 2; p <= 4; p++) {
      int ranks = p;
      List<String> out = SimulatedRanks.run(p, r -> {
        double[] shortOne = histogram(r, 4);
        ParallelRuntime.combineArray(shortOne, SUM);
        ParallelRuntime.combineLoop();
        double[] longOne = histogram(r, 100); // the same position in the queue, too long for the slot
        ParallelRuntime.combineArray(longOne, SUM);
        ParallelRuntime.combineLoop();
        return Arrays.toString(shortOne) + Arrays.toString(longOne);
      });
      String expected = expectedArrays(ranks - 1, 4, 0).get(0).toString() + expectedArrays(ranks - 1, 100, 0).get(0);
      for (String o : out) {
        assertEquals(expected, o, ranks + " ranks");
      }
    }
  }

  @Test
  void aFailureLeavesTheArraysAsTheSequentialRunAndEveryRankThrowsTheLowest() throws Exception {
    int n = 8;
    for (int big : new int[] {3, 200}) {
      for (int p = 2; p <= 4; p++) {
        for (int f = 0; f < p; f++) {
          List<Integer> failing = f + 1 < p ? List.of(f, f + 1) : List.of(f);
          List<List<Object>> out = SimulatedRanks.run(p, r -> arraysLoop(r, n, big, failing, new ArrayList<>()));
          List<Object> arrays = expectedArrays(f, n, big);
          for (int r = 0; r < p; r++) {
            assertEquals(arrays, out.get(r).subList(0, 3), "arrays on rank " + r + " of " + p + ", failing " + failing);
            assertEquals("iteration failed on rank " + f, out.get(r).get(3), "rank " + r + " of " + p);
          }
        }
      }
    }
  }

  @Test
  void aRankWhoseFrameOperationFailedMeetsTheCombineAndTheNextCollectiveIsInStep() throws Exception {
    for (boolean alsoInLoop : new boolean[] {false, true}) {
      for (int p = 2; p <= 4; p++) {
        for (int f = 0; f < p; f++) {
          int failing = f;
          // with alsoInLoop, rank 0's iterations threw too: its failure comes first, while the failed
          // frame call keeps a later rank out of the loop's collectives
          int loopFailing = alsoInLoop && f > 0 ? 0 : -1;
          List<String> out = SimulatedRanks.run(p, r -> {
            ParallelRuntime.forgetFailures();
            String caught = "none";
            ParallelRuntime.frameCallStarts(); // every rank, before the frame call (FrameFailuresPass)
            try {
              if (r == failing) { // its frame call threw before the loop: the call site's handler agrees
                throw ParallelRuntime.collectiveCallFailed(new IllegalStateException("corrupt page on rank " + failing));
              }
              if (r == loopFailing) {
                ParallelRuntime.loopFailed(new IllegalStateException("iteration failed on rank " + r));
              }
              ParallelRuntime.combineArray(histogram(r, 4), SUM);
              ParallelRuntime.combineArray(histogram(r, 200), SUM); // too long for the slot
              ParallelRuntime.combineScalar(1L, SUM);
              ParallelRuntime.combineLoop();
            } catch (IllegalStateException e) {
              caught = e.getMessage();
            }
            long next = ParallelRuntime.allreduce(1L, SUM);
            return caught + " / " + next;
          });
          for (int r = 0; r < p; r++) {
            String first = loopFailing >= 0 ? "iteration failed on rank 0" : "corrupt page on rank " + f;
            assertEquals(first + " / " + p, out.get(r),
                "rank " + r + " of " + p + ", frame failing " + f + ", loop failing " + loopFailing);
          }
        }
      }
    }
  }

  @Test
  void theExitAgreementRunsOnlyAfterAFrameCall() throws Exception {
    List<long[]> out = SimulatedRanks.run(3, r -> {
      ParallelRuntime.forgetFailures();
      long before = SimulatedRanks.collectives();
      ParallelRuntime.frameCallStarts();
      ParallelRuntime.combineScalar(1.0, SUM);
      ParallelRuntime.combineLoop(); // a loop after the frame call agrees: the exit need not
      ParallelRuntime.agreeExit();
      long afterLoop = SimulatedRanks.collectives() - before;
      ParallelRuntime.frameCallStarts(); // a frame call after the last loop: the exit agrees
      ParallelRuntime.agreeExit();
      return new long[] {afterLoop, SimulatedRanks.collectives() - before};
    });
    for (long[] o : out) {
      assertArrayEquals(new long[] {1, 2}, o);
    }
  }

  /** The longs one rank contributed to the agreement exchanges of {@code step}. */
  private static long longsOf(Runnable step) {
    long before = SimulatedRanks.longsReduced();
    step.run();
    return SimulatedRanks.longsReduced() - before;
  }

  @Test
  void theExchangeCarriesTheFlagAndTheLoopsOwnWordsOnly() throws Exception {
    for (int p = 2; p <= 4; p++) {
      int ranks = p;
      List<long[]> out = SimulatedRanks.run(p, r -> {
        ParallelRuntime.forgetFailures();
        long noReductions = longsOf(ParallelRuntime::agreeLoop);
        long descending = longsOf(ParallelRuntime::agreeLoopDescending);
        double[] h = histogram(r, 5);
        long packed = longsOf(() -> {
          ParallelRuntime.combineScalar(r + 1L, SUM);
          ParallelRuntime.combineScalar(r + 0.25, MAX);
          ParallelRuntime.combineArray(h, SUM);
          ParallelRuntime.combineLoop();
        });
        long sum = ParallelRuntime.combinedLong(0);
        double[] big = histogram(r, 200);
        long tooLong = longsOf(() -> {
          ParallelRuntime.combineArray(big, SUM); // its own allreduce of doubles after the exchange
          ParallelRuntime.combineLoop();
        });
        return new long[] {noReductions, descending, packed, sum, tooLong, Double.doubleToRawLongBits(h[0])};
      });
      long sum = 0;
      for (int r = 0; r < ranks; r++) {
        sum += r + 1;
      }
      double h0 = histogram(0, 1)[0];
      for (int r = 1; r < ranks; r++) {
        h0 += histogram(r, 1)[0];
      }
      for (int r = 0; r < ranks; r++) {
        long[] o = out.get(r);
        assertEquals(ranks, o[0], "a loop without reductions: its flag per rank, " + ranks + " ranks");
        assertEquals(ranks, o[1], "a loop counting down: its flag per rank");
        assertEquals(ranks * (1 + 2 + 5), o[2], "flag, two scalars and five elements per rank");
        assertEquals(sum, o[3]);
        assertEquals(ranks, o[4], "an array too long for the room is not packed: the flag only");
        assertEquals(Double.doubleToRawLongBits(h0), o[5]);
      }
    }
  }

  @Test
  void afterAFrameCallEveryAgreementTakesTheWideSlotUntilALoopAgrees() throws Exception {
    for (int p = 2; p <= 4; p++) {
      int ranks = p;
      List<long[]> out = SimulatedRanks.run(p, r -> {
        ParallelRuntime.forgetFailures();
        ParallelRuntime.frameCallStarts();
        long afterFrameCall = longsOf(() -> {
          ParallelRuntime.combineScalar(1L, SUM);
          ParallelRuntime.combineLoop();
        });
        long next = longsOf(ParallelRuntime::agreeLoop);
        ParallelRuntime.frameCallStarts();
        long flagOnly = longsOf(ParallelRuntime::agreeLoop);
        return new long[] {afterFrameCall, next, flagOnly};
      });
      for (long[] o : out) {
        assertArrayEquals(new long[] {ranks * 64L, ranks, ranks * 64L}, o, ranks + " ranks");
      }
    }
  }
}

package dev.parjit.it.effects;

import dev.parjit.Jit;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Spawn-mode fault program: after a warm-up call (which starts the workers), one call whose input
 * makes a single index of the second block throw, timed from call to catch, then 100 good calls.
 * The fault is an integer division by zero rather than an explicit {@code throw}: any array loop
 * can raise such an exception, so it must be handled whether or not loops that throw explicitly
 * are parallelised.
 */
public final class FaultMain {

  /** Elements per call; with 2 workers rank 1 owns [500, 1000). */
  static final int N = 1000;
  /** The index that throws: inside rank 1's block with 2 workers. */
  static final int BAD = 750;
  static final String FAULT_MS = "FAULT_MS ";

  private FaultMain() { }

  @Jit
  static void scaleAndDivide(double[] a, int[] d) {
    for (int i = 0; i < a.length; i++) {
      a[i] = a[i] * 2 + 1000 / d[i];
    }
  }

  static double[] input(int shift) {
    double[] a = new double[N];
    for (int i = 0; i < N; i++) {
      a[i] = ((i + shift) % 17) * 0.25 + 1;
    }
    return a;
  }

  /** Divisors, with a zero at {@code bad} when it is not negative. */
  static int[] divisors(int bad) {
    int[] d = new int[N];
    for (int i = 0; i < N; i++) {
      d[i] = i % 7 + 1;
    }
    if (bad >= 0) {
      d[bad] = 0;
    }
    return d;
  }

  /** Runs the scenario, reporting every observable result to {@code out}; the timing line is the only variable one. */
  static void run(Consumer<String> out) {
    double[] warm = input(0);
    scaleAndDivide(warm, divisors(-1));
    out.accept("WARM " + Arrays.hashCode(warm));
    double[] bad = input(0);
    int[] zero = divisors(BAD);
    long start = System.nanoTime();
    try {
      scaleAndDivide(bad, zero);
      out.accept("NOT THROWN");
    } catch (ArithmeticException e) {
      long ns = System.nanoTime() - start;
      out.accept("CAUGHT " + e.getClass().getName() + ": " + e.getMessage());
      out.accept(FAULT_MS + ns / 1_000_000.0);
    } catch (RuntimeException e) {
      // A wrapper or another type is a wrong answer; print it so the test shows what came instead.
      out.accept("WRONG " + e.getClass().getName() + ": " + e.getMessage());
    }
    out.accept("PARTIAL " + Arrays.hashCode(bad) + " a[" + (BAD - 1) + "]=" + bad[BAD - 1] + " a[" + (BAD + 1) + "]="
        + bad[BAD + 1]);
    for (int k = 1; k <= 100; k++) {
      double[] a = input(k);
      try {
        scaleAndDivide(a, divisors(-1));
        out.accept("GOOD " + k + " " + Arrays.hashCode(a));
      } catch (RuntimeException e) {
        out.accept("GOOD " + k + " failed: " + e);
      }
    }
  }

  public static void main(String[] args) {
    run(System.out::println);
  }
}

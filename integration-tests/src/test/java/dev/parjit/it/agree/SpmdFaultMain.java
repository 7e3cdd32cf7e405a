package dev.parjit.it.agree;

import java.util.ArrayList;
import java.util.List;

/**
 * Calls kernels that fail at the first, a middle and the last index inside try/catch, then 100 good
 * calls. Prints {@code CAUGHT}/{@code RETURNED} lines (the same with and without the agent),
 * {@code GOOD} (good calls that gave the sequential answer) and {@code TIME} (milliseconds from
 * the call to the catch; differs between runs, so not part of {@link #results()}).
 */
public final class SpmdFaultMain {

  static final int N = 12;

  private SpmdFaultMain() { }

  static int[] ints() {
    int[] a = new int[N];
    for (int i = 0; i < N; i++) {
      a[i] = 7 * i + 100;
    }
    return a;
  }

  /** Every line but the timings. */
  static List<String> results() {
    List<String> out = new ArrayList<>();
    run(out, new ArrayList<>());
    return out;
  }

  private static void run(List<String> out, List<String> timings) {
    int[] a = ints();
    double[] d = new double[N];
    for (int i = 0; i < N; i++) {
      d[i] = i * 0.5;
    }
    out.add("RETURNED warm-up " + FaultKernels.divide(a, -1)); // loads and compiles the class before timing
    for (int k : new int[] {0, N / 2, N - 1}) {
      long t0 = System.nanoTime();
      try {
        out.add("RETURNED divide " + k + " " + FaultKernels.divide(a, k));
      } catch (RuntimeException e) {
        long micros = (System.nanoTime() - t0) / 1000;
        out.add("CAUGHT divide " + k + " " + e.getClass().getName() + ": " + e.getMessage());
        timings.add("TIME divide " + k + " " + micros / 1000.0);
      }
    }
    for (int n : new int[] {N - 1, N}) {
      long t0 = System.nanoTime();
      try {
        out.add("RETURNED next " + n + " " + FaultKernels.next(d, n));
      } catch (RuntimeException e) {
        long micros = (System.nanoTime() - t0) / 1000;
        out.add("CAUGHT next " + n + " " + e.getClass().getName() + ": " + e.getMessage());
        timings.add("TIME next " + n + " " + micros / 1000.0);
      }
    }
    int good = 0;
    for (int call = 0; call < 100; call++) {
      int k = -1 - call; // never an index: no failure
      if (FaultKernels.divide(a, k) == FaultKernels.divideSequentially(a, k)) {
        good++;
      }
    }
    out.add("GOOD " + good);
  }

  public static void main(String[] args) {
    List<String> out = new ArrayList<>();
    List<String> timings = new ArrayList<>();
    run(out, timings);
    out.forEach(System.out::println);
    timings.forEach(System.out::println);
  }
}

package dev.parjit.it.net;

import dev.parjit.Jit;
import dev.parjit.Parjit;

/**
 * A program for start-up tests: one {@code @Jit} kernel with a parallel loop, timed from
 * {@code main}'s start to its first result ({@code FIRST_RESULT_MS}), then a pause (the test
 * looks at the listening sockets meanwhile) and a second call. Every rank prints in SPMD mode.
 */
public final class StartupProbe {

  private StartupProbe() { }

  @Jit
  public static double sumOfSquares(int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      double x = i * 0.5;
      s += x * x;
    }
    return s;
  }

  public static void main(String[] args) throws InterruptedException {
    long t0 = System.nanoTime();
    int n = Integer.parseInt(args[0]);
    double first = sumOfSquares(n);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("FIRST_RESULT_MS " + ms);
    System.out.println("RESULT " + first);
    Thread.sleep(Long.parseLong(args.length > 1 ? args[1] : "0"));
    System.out.println("RESULT2 " + sumOfSquares(n + 1) + " rank " + Parjit.getRank());
  }
}

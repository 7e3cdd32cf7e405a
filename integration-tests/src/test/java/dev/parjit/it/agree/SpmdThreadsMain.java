package dev.parjit.it.agree;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Two threads of every rank call a {@code @Jit} method 50 times each, at the same time. Prints per
 * thread how many calls gave the sequential answer ({@code ok}), a wrong one ({@code wrong}), or
 * were refused with the SPMD threading error ({@code refused}), and the first refusal's message.
 */
public final class SpmdThreadsMain {

  static final int CALLS = 50;

  private SpmdThreadsMain() { }

  private static long expected(int n) {
    long s = 0;
    for (int i = 0; i < n; i++) {
      s += (long) i * i;
    }
    return s;
  }

  private static String calls(AtomicReference<String> firstRefusal) {
    int ok = 0;
    int wrong = 0;
    int refused = 0;
    int other = 0;
    for (int c = 0; c < CALLS; c++) {
      int n = 1000 + c;
      try {
        if (ThreadKernels.sumOfSquares(n) == expected(n)) {
          ok++;
        } else {
          wrong++;
        }
      } catch (IllegalStateException e) {
        if (e.getMessage() != null && e.getMessage().contains("order of collective calls")) {
          refused++;
          firstRefusal.compareAndSet(null, e.getMessage());
        } else {
          other++;
          firstRefusal.compareAndSet(null, "OTHER " + e);
        }
      }
    }
    return "ok=" + ok + " wrong=" + wrong + " refused=" + refused + " other=" + other;
  }

  public static void main(String[] args) throws InterruptedException {
    AtomicReference<String> firstRefusal = new AtomicReference<>();
    AtomicReference<String> helper = new AtomicReference<>();
    Thread t = new Thread(() -> helper.set(calls(firstRefusal)), "helper");
    t.start();
    String main = calls(firstRefusal);
    t.join();
    System.out.println("THREAD main " + main);
    System.out.println("THREAD helper " + helper.get());
    System.out.println("REFUSAL " + firstRefusal.get());
  }
}

package dev.parjit.it.agent;

import dev.parjit.Jit;

/**
 * Driver program: a @Jit call fails on one worker rank (a division by zero at one index of a
 * parallel loop), the caller catches the sequential exception type, then the workers serve the next
 * call.
 */
public final class SpawnFailureMain {

  private SpawnFailureMain() { }

  @Jit
  static long divideAt(int n, int k) {
    long s = 0;
    for (int i = 0; i < n; i++) {
      s += 1000 / (i - k);
    }
    return s;
  }

  @Jit
  static long sumTo(long n) {
    long s = 0;
    for (long i = 0; i < n; i++) {
      s += i;
    }
    return s;
  }

  public static void main(String[] args) {
    try {
      System.out.println("NOT THROWN " + divideAt(30, 17));
    } catch (ArithmeticException e) {
      System.out.println("CAUGHT " + e.getClass().getName() + ": " + e.getMessage());
    }
    System.out.println("AFTER " + sumTo(1000) + " " + divideAt(30, 40));
  }
}

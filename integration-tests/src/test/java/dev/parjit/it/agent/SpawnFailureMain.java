package dev.parjit.it.agent;

import dev.parjit.Jit;
import dev.parjit.Parjit;
import dev.parjit.ParjitExecutionException;

/** Driver program: a @Jit call fails on one worker rank, then the workers serve the next call. */
public final class SpawnFailureMain {

  private SpawnFailureMain() { }

  @Jit
  static int failOnRank(int which) {
    if (Parjit.getRank() == which) {
      throw new IllegalArgumentException("bad rank " + which);
    }
    return Parjit.getSize();
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
      failOnRank(1);
      System.out.println("NOT THROWN");
    } catch (ParjitExecutionException e) {
      System.out.println("CAUGHT rank=" + e.getRank() + " message=" + e.getMessage());
      System.out.println("CAUSE " + e.getCause().getClass().getName() + ": " + e.getCause().getMessage());
    }
    System.out.println("AFTER " + sumTo(1000) + " size=" + failOnRank(-1));
  }
}

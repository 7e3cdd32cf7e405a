package dev.parjit.it.mpi;

import dev.parjit.Parjit;

/** Every rank says it is ready (with its pid), then waits in a barrier that never completes in time. */
public final class SleepingRanks {

  private SleepingRanks() { }

  public static void main(String[] args) throws InterruptedException {
    System.out.println("READY " + Parjit.getRank() + " " + ProcessHandle.current().pid());
    System.out.flush();
    Thread.sleep(120_000);
    Parjit.barrier();
  }
}

package dev.parjit;

import dev.parjit.spi.ParallelContexts;

/**
 * Facade for code that wants to know where it runs. Outside any parallel context (a plain
 * sequential run, or the driver of spawn mode) it reports rank 0 of 1 and {@link #barrier()}
 * does nothing, so the same program runs unchanged with and without Parjit.
 */
public final class Parjit {

  private Parjit() { }

  /** This process's rank (0 outside a parallel context). */
  public static int getRank() {
    return ParallelContexts.current().rank();
  }

  /** The number of ranks (1 outside a parallel context). */
  public static int getSize() {
    return ParallelContexts.current().size();
  }

  /** Blocks until every rank reaches it; does nothing outside a parallel context. */
  public static void barrier() {
    ParallelContexts.current().barrier();
  }

  /** Whether this process is one of several ranks. */
  public static boolean isParallel() {
    return ParallelContexts.current().size() > 1;
  }
}

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

  /**
   * The distributed diagnostics of {@code owner.method} (DESIGN §7), compiling it if needed:
   * which data and loops are distributed, the annotated listing, and every REP decision with its
   * reason. Printed once, by the driver in spawn mode or rank 0 in SPMD mode, and returned.
   *
   * @param owner  the class declaring the {@code @Jit} method
   * @param method the method's name (every overload is described)
   */
  public static String distributedDiagnostics(Class<?> owner, String method) {
    if (owner == null || method == null) {
      throw new IllegalArgumentException("owner and method must not be null");
    }
    var provider = ParallelContexts.diagnostics();
    String text = provider.diagnostics(owner, method);
    if (provider.printsHere()) {
      System.out.print(text);
      System.out.flush();
    }
    return text;
  }

  /**
   * Counters of the running job, for tests and diagnostics. In spawn mode on the driver:
   * {@code bytesToDriver} (bytes the workers sent to this process), and, once workers run,
   * {@code workerLazyResults} and {@code workerArrowBytes} summed over the workers (lazy results
   * this driver dropped are freed first). Empty without the agent.
   */
  public static java.util.Map<String, Long> stats() {
    return ParallelContexts.stats();
  }

  /** Whether this process is one of several ranks. */
  public static boolean isParallel() {
    return ParallelContexts.current().size() > 1;
  }
}

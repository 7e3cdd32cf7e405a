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
   * this driver dropped are freed first), and per worker rank R {@code workerRLoopIndexes}: how many
   * loop indexes its chunked loops took so far, which shows how the work was split. Empty without
   * the agent.
   */
  public static java.util.Map<String, Long> stats() {
    return ParallelContexts.stats();
  }

  /**
   * Loads the Parjit agent into this running JVM, as {@code -javaagent:parjit-agent.jar} would at
   * start-up (spawn mode with the default options). Classes loaded afterwards have their {@code @Jit}
   * methods compiled; a class already loaded is compiled again only where the JVM allows it (adding
   * a dispatch stub changes its shape, so a {@code @Jit} class loaded before this call runs
   * sequentially, with one warning naming it). Does nothing when the agent runs already.
   *
   * <p>The agent jar is {@code -Dparjit.agentJar=PATH}, the environment variable
   * {@code PARJIT_AGENT_JAR}, or a {@code parjit-agent*.jar} on the class path.
   *
   * @throws IllegalStateException when the agent jar cannot be found or the JVM refuses to load it
   */
  public static void install() {
    install("");
  }

  /**
   * As {@link #install()} with agent options ({@code "workers=2,log=info"}: the same keys as after
   * {@code -javaagent:parjit-agent.jar=}). An unknown key or a bad value throws
   * {@link IllegalArgumentException}; the options are ignored when the agent runs already.
   */
  public static void install(String agentOptions) {
    dev.parjit.spi.AgentInstaller.install(agentOptions);
  }

  /** Whether this process is one of several ranks. */
  public static boolean isParallel() {
    return ParallelContexts.current().size() > 1;
  }
}

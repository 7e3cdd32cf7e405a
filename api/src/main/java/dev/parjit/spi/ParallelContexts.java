package dev.parjit.spi;

/**
 * Holder of the process-wide {@link ParallelContext}. Outside any parallel launch it is the
 * sequential context: rank 0 of 1, and {@code barrier()} does nothing.
 */
public final class ParallelContexts {

  /** The context of a plain sequential run. */
  public static final ParallelContext SEQUENTIAL = new ParallelContext() {
    @Override public int rank() { return 0; }
    @Override public int size() { return 1; }
    @Override public void barrier() { }
    @Override public String toString() { return "sequential"; }
  };

  private static volatile ParallelContext current = SEQUENTIAL;
  private static volatile DiagnosticsProvider diagnostics = DiagnosticsProvider.NONE;
  private static volatile java.util.function.Supplier<java.util.Map<String, Long>> stats = java.util.Map::of;

  private ParallelContexts() { }

  /** The context in force. */
  public static ParallelContext current() {
    return current;
  }

  /** Installs the context of this rank (called once by the runtime at rank start-up). */
  public static void install(ParallelContext context) {
    if (context == null) {
      throw new IllegalArgumentException("context must not be null");
    }
    current = context;
  }

  /** The diagnostics provider in force ({@link DiagnosticsProvider#NONE} without the agent). */
  public static DiagnosticsProvider diagnostics() {
    return diagnostics;
  }

  /** Installs the agent's diagnostics provider. */
  public static void installDiagnostics(DiagnosticsProvider provider) {
    if (provider == null) {
      throw new IllegalArgumentException("provider must not be null");
    }
    diagnostics = provider;
  }

  /** Counters of the running job ({@link dev.parjit.Parjit#stats()}); empty without the agent. */
  public static java.util.Map<String, Long> stats() {
    return stats.get();
  }

  /** Installs the agent's counters. */
  public static void installStats(java.util.function.Supplier<java.util.Map<String, Long>> supplier) {
    if (supplier == null) {
      throw new IllegalArgumentException("supplier must not be null");
    }
    stats = supplier;
  }

  /** Returns to the sequential context (at rank shut-down, and in tests). */
  public static void reset() {
    current = SEQUENTIAL;
  }
}

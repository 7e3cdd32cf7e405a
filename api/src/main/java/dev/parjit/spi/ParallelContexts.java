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

  /** Returns to the sequential context (at rank shut-down, and in tests). */
  public static void reset() {
    current = SEQUENTIAL;
  }
}

package dev.parjit.agent.trace;

/**
 * A worker's phases of a call for {@link CallTrace}: the call decoded, the method entered, returned,
 * the reply sent; the main thread's processor wait at receipt and after sending.
 */
public final class WorkerTrace {

  private WorkerTrace() { }

  /**
   * {@code -Dparjit.callTrace.flushEvery=N} (default 500): how often a worker appends its rows. Each
   * write is code the JIT compiles while calls run: a larger N keeps it out of a measured stretch.
   */
  private static final long FLUSH_EVERY = Math.max(1, Long.getLong(CallTrace.PROPERTY + ".flushEvery", 500));

  /** Starts recording on rank {@code rank} (a no-op when tracing is off). */
  public static void start(int rank) {
    CallTrace.start("rank-" + rank, "received", "receivedWait", "runStart", "runEnd", "sent", "sentWait");
  }

  /** Writes the file now: called as the worker stops. */
  public static void flush() {
    CallTrace.flush();
  }

  public static void received(long id) {
    CallTrace.mark(id, 0);
    CallTrace.markWait(id, 1);
  }

  public static void runStart(long id) {
    CallTrace.mark(id, 2);
  }

  public static void runEnd(long id) {
    CallTrace.mark(id, 3);
  }

  public static void sent(long id) {
    CallTrace.mark(id, 4);
    CallTrace.markWait(id, 5);
    if (id % FLUSH_EVERY == 0) {
      // A worker stopped by its driver may be killed before it writes at exit: write as it goes, between
      // calls (the next call's receipt time includes this write, once in 500 calls).
      CallTrace.flushRows();
    }
  }
}

package dev.parjit.agent.trace;

/**
 * The driver's phases of a call for {@link CallTrace}: entered the dispatcher, started sending, sent to
 * each rank, each rank's reply decoded by its reader thread (with that thread's processor wait), the
 * calling thread woken with every reply, returned; the calling thread's processor wait at entry and return.
 */
public final class DriverTrace {

  private static int workers;

  private DriverTrace() { }

  /** Starts recording for {@code n} workers (a no-op when tracing is off). */
  public static synchronized void start(int n) {
    if (!CallTrace.enabled() || workers != 0) {
      return;
    }
    String[] phases = new String[6 + 3 * n];
    int k = 0;
    phases[k++] = "enter";
    phases[k++] = "enterWait";
    phases[k++] = "sendStart";
    for (int r = 0; r < n; r++) {
      phases[k++] = "sent" + r;
    }
    for (int r = 0; r < n; r++) {
      phases[k++] = "reply" + r;
    }
    for (int r = 0; r < n; r++) {
      phases[k++] = "reader" + r + "Wait";
    }
    phases[k++] = "woke";
    phases[k++] = "end";
    phases[k] = "endWait";
    CallTrace.start("driver", phases);
    workers = n;
  }

  public static void enter(long id) {
    CallTrace.mark(id, 0);
    CallTrace.markWait(id, 1);
  }

  public static void sendStart(long id) {
    CallTrace.mark(id, 2);
  }

  public static void sent(long id, int rank) {
    if (rank < workers) {
      CallTrace.mark(id, 3 + rank);
    }
  }

  /** On rank {@code rank}'s reader thread, as its reply to call {@code id} is decoded. */
  public static void reply(long id, int rank) {
    if (rank < workers) {
      CallTrace.mark(id, 3 + workers + rank);
      CallTrace.markWait(id, 3 + 2 * workers + rank);
    }
  }

  public static void woke(long id) {
    CallTrace.mark(id, 3 + 3 * workers);
  }

  public static void end(long id) {
    CallTrace.mark(id, 4 + 3 * workers);
    CallTrace.markWait(id, 5 + 3 * workers);
  }
}

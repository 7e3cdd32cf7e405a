package dev.parjit.agent.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Timestamps of each phase of a spawn-mode call, recorded by the driver and by every worker when
 * {@code -Dparjit.callTrace=DIR} is set (workers inherit the driver's system properties), written at
 * exit as one tab-separated file per process ({@code driver-PID.tsv}, {@code rank-R-PID.tsv}): call id,
 * then one {@link System#nanoTime()} per phase (0 when not reached). On one host every process reads
 * the same monotonic clock, so a call's phases line up across the driver and its workers; GC pauses
 * and safepoints line up with them through {@code -Xlog:gc,safepoint:file=...:tn} (the {@code tn}
 * decoration is the same clock). A phase ending in {@code Wait} is the calling thread's time spent
 * runnable but waiting for a processor so far ({@code /proc/thread-self/schedstat}): the difference
 * between two of them is what the machine's load, not Parjit, added to the call.
 *
 * <p>Off, every method returns at its first test: nothing is allocated or read.
 */
public final class CallTrace {

  /** The system property naming the directory the trace files go to. */
  public static final String PROPERTY = "parjit.callTrace";

  /** Calls recorded (ids past it are not). */
  private static final int CAPACITY = 1 << 15;

  private static final Path DIR = directory();
  private static volatile CallTrace current;

  private final String file;
  private final String[] phases;
  private final long[] rows;

  private CallTrace(String file, String[] phases) {
    this.file = file;
    this.phases = phases.clone();
    this.rows = new long[CAPACITY * phases.length];
  }

  private static Path directory() {
    String dir = System.getProperty(PROPERTY);
    return dir == null || dir.isEmpty() ? null : Path.of(dir);
  }

  /** Whether calls are traced in this process. */
  public static boolean enabled() {
    return DIR != null;
  }

  /**
   * Starts recording in this process under {@code name} (file {@code name-PID.tsv}) with these phase
   * names; a no-op when tracing is off. The file is written at exit.
   */
  public static void start(String name, String... phases) {
    if (DIR == null) {
      return;
    }
    CallTrace t = new CallTrace(name + "-" + ProcessHandle.current().pid() + ".tsv", phases);
    current = t;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> t.write(false), "parjit-call-trace"));
  }

  /** Records now as phase {@code phase} of call {@code id}. */
  public static void mark(long id, int phase) {
    CallTrace t = current;
    if (t != null && id >= 0 && id < CAPACITY) {
      t.rows[(int) id * t.phases.length + phase] = System.nanoTime();
      if (id == FROM && phase == 0 && t.threadsAtFrom == null) {
        t.threadsAtFrom = ThreadCounters.read();
      } else if (id == TO && phase == 0 && t.threadsAtTo == null) {
        t.threadsAtTo = ThreadCounters.read();
      }
    }
  }

  /**
   * {@code -Dparjit.callTrace.from=ID} (default 1001): the call from which each thread's scheduler counters
   * are counted (written as {@code .threads} beside the trace: context switches and processor time per thread
   * from that call to the end), so the warm-up's start-up work stays out of them.
   */
  private static final long FROM = Long.getLong(PROPERTY + ".from", 1001);

  /**
   * {@code -Dparjit.callTrace.to=ID} (default 3001): the call up to which they are counted (to the end
   * when it is not reached; at exit the driver's reader threads have ended already).
   */
  private static final long TO = Long.getLong(PROPERTY + ".to", 3001);

  private volatile java.util.Map<String, long[]> threadsAtFrom;
  private volatile java.util.Map<String, long[]> threadsAtTo;

  /**
   * {@code -Dparjit.callTrace.waits=false}: no processor-wait phases (recorded as 0). Reading them costs two
   * small file reads per call in each process, code the JIT compiles meanwhile: off, the trace leaves the
   * compiler's work (counted with {@code -Xlog:jit+compilation}) to the call path alone.
   */
  private static final boolean WAITS = Boolean.parseBoolean(System.getProperty(PROPERTY + ".waits", "true"));

  /** Records the calling thread's time waiting for a processor so far (ns) as phase {@code phase}. */
  public static void markWait(long id, int phase) {
    CallTrace t = current;
    if (WAITS && t != null && id >= 0 && id < CAPACITY) {
      t.rows[(int) id * t.phases.length + phase] = runQueueNanos();
    }
  }

  /** The second field of {@code /proc/thread-self/schedstat}: time runnable but not running; -1 elsewhere. */
  static long runQueueNanos() {
    try {
      String s = Files.readString(Path.of("/proc/thread-self/schedstat"));
      String[] f = s.trim().split(" ");
      return Long.parseLong(f[1]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Appends the rows recorded since the last write, between calls (a worker every 500 calls). */
  public static void flushRows() {
    CallTrace t = current;
    if (t != null) {
      t.write(true);
    }
  }

  /**
   * Writes this process's file now (a worker whose driver closed its input may be halted before its
   * shutdown hooks run); later calls, and the hook, write it again with what was added since.
   */
  public static void flush() {
    CallTrace t = current;
    if (t != null) {
      t.write(false);
    }
  }

  /** Rows written so far: each write appends the rows after them, up to the highest id marked. */
  private int written;
  private boolean headerWritten;

  /**
   * Appends the rows not written yet (a worker writes every 500 calls: appending keeps that write short,
   * the next call's receipt waits for it), and at exit the threads' counters.
   */
  private synchronized void write(boolean periodic) {
    try {
      Files.createDirectories(DIR);
      int n = phases.length;
      int last = CAPACITY - 1;
      while (last >= written && !any(last)) {
        last--;
      }
      StringBuilder out = new StringBuilder();
      if (!headerWritten) {
        out.append("id\t").append(String.join("\t", phases)).append('\n');
        headerWritten = true;
      }
      for (int id = written; id <= last; id++) {
        if (!any(id)) {
          continue;
        }
        out.append(id);
        for (int p = 0; p < n; p++) {
          out.append('\t').append(rows[id * n + p]);
        }
        out.append('\n');
      }
      written = Math.max(written, last + 1);
      Files.writeString(DIR.resolve(file), out, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      java.util.Map<String, long[]> from = threadsAtFrom;
      java.util.Map<String, long[]> to = threadsAtTo;
      if (from != null && (to != null || !periodic)) {
        ThreadCounters.write(DIR.resolve(file.replace(".tsv", ".threads")), from, to != null ? to : ThreadCounters.read());
      }
    } catch (IOException e) {
      System.err.println("parjit: could not write the call trace: " + e);
    }
  }

  private boolean any(int id) {
    int n = phases.length;
    for (int p = 0; p < n; p++) {
      if (rows[id * n + p] != 0) {
        return true;
      }
    }
    return false;
  }

}

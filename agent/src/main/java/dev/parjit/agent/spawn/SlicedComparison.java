package dev.parjit.agent.spawn;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exact comparison of a resident argument with the driver's record of it ({@link BitExact}),
 * shared by the calling thread and daemon helper threads, as many threads as it has processors to
 * use, run by run (a helper that starts late leaves its share to the others).
 *
 * <p>Why: the comparison is bound by memory; a comparison made before the call is sent, while the
 * workers wait, finishes sooner cut over every processor of the driver, and one deferred while the
 * workers compute is cut over the processors they leave free ({@link ResidentCheckPlan}). The CPU
 * time is the same (the slices are compared by the same intrinsic). Small arguments are compared in
 * the calling thread: handing a slice over costs more than comparing it.
 */
final class SlicedComparison {

  /** More threads than this gain nothing: a few already take what the memory can deliver. */
  static final int MAX_SLICES = 4;
  /** Arguments of fewer bytes are compared in the calling thread. */
  static final long MIN_SLICED_BYTES = 1L << 20;
  /**
   * Items compared at a time: the threads share a comparison by runs of this many (fewer when it
   * has fewer items than that per thread), and stop after a run once any found a difference.
   */
  private static final int RUN = 1 << 16;

  private final int slices;
  private final long minSlicedBytes;
  private final AtomicLong helperCpuNanos = new AtomicLong();
  private ExecutorService helpers;

  /** One slice per available processor of the driver, at most {@link #MAX_SLICES}. */
  SlicedComparison() {
    this(Math.min(MAX_SLICES, Runtime.getRuntime().availableProcessors()), MIN_SLICED_BYTES);
  }

  SlicedComparison(int slices, long minSlicedBytes) {
    this.slices = Math.max(1, slices);
    this.minSlicedBytes = minSlicedBytes;
  }

  /** Items {@code [from, from + len)} of {@code array} against {@code [partFrom, partFrom + len)} of {@code part}. */
  private record Piece(Object array, int from, Object part, int partFrom, int len) { }

  /**
   * Whether {@code parts} placed at {@code starts} are exactly {@code array}, bit for bit, every item
   * covered once ({@code partsHaveNoNaN}: as {@link BitExact#rangeEqual(Object, int, Object, int, boolean)}'s).
   */
  boolean sameContents(Object[] parts, int[] starts, Object array, boolean partsHaveNoNaN) {
    List<Piece> pieces = new ArrayList<>();
    if (parts.length == 1 && starts[0] == 0) {
      if (parts[0] == null || !addWhole(pieces, array, parts[0])) {
        return false;
      }
    } else {
      int covered = 0;
      int n = Array.getLength(array);
      for (int k = 0; k < parts.length; k++) {
        if (parts[k] == null || parts[k].getClass() != array.getClass() || starts[k] != covered
            || parts[k] instanceof Object[]) {
          return false;
        }
        int len = Array.getLength(parts[k]);
        if (covered + len > n) {
          return false;
        }
        pieces.add(new Piece(array, covered, parts[k], 0, len));
        covered += len;
      }
      if (covered != n) {
        return false;
      }
    }
    return compare(pieces, partsHaveNoNaN);
  }

  /** The CPU time the helper threads spent comparing, in nanoseconds (the calling thread's is the caller's to measure). */
  long helperCpuNanos() {
    return helperCpuNanos.get();
  }

  /** The pieces that compare {@code a} with {@code b} whole (rows row by row); {@code false} when their shapes differ. */
  private static boolean addWhole(List<Piece> pieces, Object a, Object b) {
    return BitExact.sameShape(a, b, (x, y) -> {
      int n = Array.getLength(x);
      if (n > 0) {
        pieces.add(new Piece(x, 0, y, 0, n));
      }
      return true;
    });
  }

  private boolean compare(List<Piece> pieces, boolean noNaN) {
    long items = 0;
    for (Piece p : pieces) {
      items += p.len();
    }
    if (pieces.isEmpty()) {
      return true;
    }
    long bytes = items * bytesPerItem(pieces.get(0).array());
    if (slices == 1 || bytes < minSlicedBytes) {
      return compareSlice(pieces, noNaN, new AtomicBoolean());
    }
    // Runs taken in turn by the calling thread and the helpers, rather than one fixed slice each: a
    // helper the scheduler starts late finds fewer runs left (or none: the calling thread compared
    // them), and the calling thread waits only for helpers that began, each finishing its current run.
    List<Piece> runs = runs(pieces, (int) Math.max(1, Math.min(RUN, (items + slices - 1) / slices)));
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean differs = new AtomicBoolean();
    // Each helper's start is claimed once, by the helper as it begins or by the calling thread once
    // every run is taken: a helper the calling thread claimed never compares, one that claimed itself
    // is waited for. (Future.cancel cannot tell the two apart: it also succeeds on a task that is
    // running, and the calling thread would then answer before that helper's run is compared.)
    List<AtomicBoolean> claims = new ArrayList<>();
    List<Future<?>> others = new ArrayList<>();
    ExecutorService pool = helpers();
    for (int s = 1; s < Math.min(slices, runs.size()); s++) {
      AtomicBoolean claim = new AtomicBoolean();
      claims.add(claim);
      others.add(pool.submit(() -> {
        if (!claim.compareAndSet(false, true)) {
          return;
        }
        long cpu0 = CpuClock.thread();
        try {
          takeRuns(runs, next, noNaN, differs);
        } finally {
          helperCpuNanos.addAndGet(CpuClock.thread() - cpu0);
        }
      }));
    }
    takeRuns(runs, next, noNaN, differs);
    for (int h = 0; h < others.size(); h++) {
      if (!claims.get(h).compareAndSet(false, true)) {
        join(others.get(h)); // it began: it compares its current run at most, then finds none left
      }
    }
    return !differs.get();
  }

  /** Compares runs until none is left or any differs. */
  private static void takeRuns(List<Piece> runs, AtomicInteger next, boolean noNaN, AtomicBoolean differs) {
    for (int i = next.getAndIncrement(); i < runs.size() && !differs.get(); i = next.getAndIncrement()) {
      Piece p = runs.get(i);
      if (!BitExact.rangeEqual(p.array(), p.from(), p.part(), p.partFrom(), p.len(), noNaN)) {
        differs.set(true);
      }
    }
  }

  /** Waits for a helper that began (it compares one run more at most); an interrupt is kept for later. */
  private static void join(Future<?> f) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          f.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Compares a slice in runs, stopping early once any slice found a difference. */
  private static boolean compareSlice(List<Piece> slice, boolean noNaN, AtomicBoolean differs) {
    for (Piece p : slice) {
      for (int done = 0; done < p.len(); done += RUN) {
        if (differs.get()) {
          return false;
        }
        int len = Math.min(RUN, p.len() - done);
        if (!BitExact.rangeEqual(p.array(), p.from() + done, p.part(), p.partFrom() + done, len, noNaN)) {
          differs.set(true);
          return false;
        }
      }
    }
    return true;
  }

  /** The pieces cut into runs of at most {@code run} items, in order. */
  private static List<Piece> runs(List<Piece> pieces, int run) {
    List<Piece> out = new ArrayList<>();
    for (Piece p : pieces) {
      for (int at = 0; at < p.len(); at += run) {
        out.add(new Piece(p.array(), p.from() + at, p.part(), p.partFrom() + at, Math.min(run, p.len() - at)));
      }
    }
    return out;
  }

  private synchronized ExecutorService helpers() {
    if (helpers == null) {
      helpers = Executors.newFixedThreadPool(slices - 1, r -> {
        Thread t = new Thread(r, "parjit-compare");
        t.setDaemon(true);
        return t;
      });
    }
    return helpers;
  }

  private static int bytesPerItem(Object array) {
    Class<?> c = array.getClass().getComponentType();
    return c == double.class || c == long.class ? 8 : c == int.class || c == float.class ? 4
        : c == short.class || c == char.class ? 2 : 1;
  }

  /** The current thread's CPU time. */
  private static final class CpuClock {
    private static final java.lang.management.ThreadMXBean BEAN =
        java.lang.management.ManagementFactory.getThreadMXBean();

    static long thread() {
      return BEAN.getCurrentThreadCpuTime();
    }
  }
}

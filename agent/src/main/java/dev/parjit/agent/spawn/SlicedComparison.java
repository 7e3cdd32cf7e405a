package dev.parjit.agent.spawn;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exact comparison of a resident argument with the driver's record of it ({@link BitExact}),
 * cut into as many slices as it has processors to use, the calling thread taking the first and
 * daemon helper threads the others.
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
  /** A slice checks whether another found a difference after each run of this many items. */
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
    List<List<Piece>> cut = cut(pieces, items, slices);
    AtomicBoolean differs = new AtomicBoolean();
    List<Future<Boolean>> others = new ArrayList<>();
    ExecutorService pool = helpers();
    for (int s = 1; s < cut.size(); s++) {
      List<Piece> slice = cut.get(s);
      others.add(pool.submit(() -> {
        long cpu0 = CpuClock.thread();
        try {
          return compareSlice(slice, noNaN, differs);
        } finally {
          helperCpuNanos.addAndGet(CpuClock.thread() - cpu0);
        }
      }));
    }
    boolean same = compareSlice(cut.get(0), noNaN, differs);
    for (int s = 0; s < others.size(); s++) {
      same &= join(others.get(s), cut.get(s + 1), noNaN, differs);
    }
    return same;
  }

  /** A helper's answer; when the wait is interrupted, its slice is compared here (the interrupt is kept). */
  private static boolean join(Future<Boolean> f, List<Piece> slice, boolean noNaN, AtomicBoolean differs) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return compareSlice(slice, noNaN, differs);
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

  /** The pieces cut into {@code slices} runs of about equal item counts, in order (a piece may be split). */
  private static List<List<Piece>> cut(List<Piece> pieces, long items, int slices) {
    long share = (items + slices - 1) / slices;
    List<List<Piece>> out = new ArrayList<>();
    List<Piece> current = new ArrayList<>();
    long room = share;
    for (Piece p : pieces) {
      int at = 0;
      while (at < p.len()) {
        int take = (int) Math.min(room, p.len() - at);
        current.add(new Piece(p.array(), p.from() + at, p.part(), p.partFrom() + at, take));
        at += take;
        room -= take;
        if (room == 0) {
          out.add(current);
          current = new ArrayList<>();
          room = share;
        }
      }
    }
    if (!current.isEmpty()) {
      out.add(current);
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

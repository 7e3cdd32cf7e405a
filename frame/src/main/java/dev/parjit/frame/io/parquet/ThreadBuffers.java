package dev.parjit.frame.io.parquet;

import dev.parjit.frame.kernel.ColumnBatches;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Read buffers a thread keeps from one read to the next: the page buffers ({@link ChunkPages.Scratch})
 * and a scan's row-group sized column arrays. A worker runs the same read call after call; allocating
 * them afresh each time made tens of megabytes of humongous G1 objects per call, and their
 * collections paused the worker every few calls. Kept softly, so memory pressure can still take them.
 *
 * <p>{@link #take()} hands the thread's buffers out and {@link #release()} gives them back; a read
 * nested inside another (a sink that reads) finds none kept and allocates its own.
 */
final class ThreadBuffers {
  private static final ThreadLocal<SoftReference<ThreadBuffers>> KEPT = new ThreadLocal<>();

  final ChunkPages.Scratch scratch = new ChunkPages.Scratch();
  private final List<ColumnBatches.Column> columns = new ArrayList<>();

  private ThreadBuffers() {}

  /** This thread's kept buffers, or new ones. */
  static ThreadBuffers take() {
    SoftReference<ThreadBuffers> ref = KEPT.get();
    ThreadBuffers kept = ref == null ? null : ref.get();
    KEPT.remove();
    return kept != null ? kept : new ThreadBuffers();
  }

  /** Keeps these buffers for the thread's next read. */
  void release() {
    KEPT.set(new SoftReference<>(this));
  }

  /** {@code n} columns for a scan, with the arrays earlier scans left in them. */
  ColumnBatches.Column[] columns(int n) {
    while (columns.size() < n) {
      columns.add(new ColumnBatches.Column());
    }
    return columns.subList(0, n).toArray(new ColumnBatches.Column[0]);
  }
}

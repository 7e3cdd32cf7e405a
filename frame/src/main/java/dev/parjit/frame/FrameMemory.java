package dev.parjit.frame;

import dev.parjit.frame.internal.RemoteFrame;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The process-wide Arrow allocator behind every {@link Series}, and the {@link Cleaner} that
 * frees a Series' vector once the Series is unreachable.
 *
 * <p>Ownership rule: a Series owns exactly one {@link FieldVector}. {@link Series#close()} frees
 * it at once; otherwise the cleaner frees it after the Series has been garbage collected. Views
 * (slices, renames, a frame's copy of a column) are separate vectors that share Arrow buffers by
 * reference count, so closing one never invalidates another.
 */
public final class FrameMemory {
  static {
    QuietLogging.chooseNoOpWithoutProvider(); // before Arrow's first logger
  }

  private static final BufferAllocator ROOT = new RootAllocator(Long.MAX_VALUE);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final Cleaner CLEANER = Cleaner.create(r -> {
    Thread t = new Thread(r, "parjit-frame-cleaner-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  private FrameMemory() {}

  /** The one root allocator every frame vector is allocated from. */
  public static BufferAllocator allocator() {
    return ROOT;
  }

  /** Bytes currently allocated by frame vectors (for leak tests and diagnostics). */
  public static long allocatedBytes() {
    return ROOT.getAllocatedMemory();
  }

  /**
   * Registers {@code owner}'s vector for freeing when {@code owner} becomes phantom reachable.
   * The action holds only the vector, never the owner, or the owner could never be collected.
   */
  /** Frees a lazy frame's rows on the workers when the driver's frame becomes unreachable. */
  static Cleaner.Cleanable registerRemote(Object owner, RemoteFrame remote) {
    return CLEANER.register(owner, remote::release);
  }

  static Cleaner.Cleanable register(Object owner, FieldVector vector) {
    return CLEANER.register(owner, new Release(vector));
  }

  /** Cleaning action: closes one vector (idempotent, as {@link Cleaner.Cleanable} runs it once). */
  private static final class Release implements Runnable {
    private final FieldVector vector;

    Release(FieldVector vector) {
      this.vector = vector;
    }

    @Override
    public void run() {
      vector.close();
    }
  }
}

package dev.parjit.frame.io.parquet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * Heap buffers for the column chunks Parquet-MR reads, recycled from one row group to the next:
 * a fresh multi-megabyte array per chunk costs a zeroing pass and humongous GC allocations, which
 * showed up as a large share of read time. Not thread-safe: one pool per read.
 */
final class BufferPool implements ByteBufferAllocator {
  private final List<ByteBuffer> free = new ArrayList<>();
  /** Slice handed out, to the whole buffer it was cut from. */
  private final Map<ByteBuffer, ByteBuffer> lent = new IdentityHashMap<>();

  @Override
  public ByteBuffer allocate(int size) {
    ByteBuffer best = null;
    for (ByteBuffer b : free) {
      if (b.capacity() >= size && (best == null || b.capacity() < best.capacity())) {
        best = b;
      }
    }
    if (best == null) {
      best = ByteBuffer.allocate(size);
    } else {
      free.remove(best);
    }
    ByteBuffer slice = best.clear().limit(size).slice();
    lent.put(slice, best);
    return slice;
  }

  @Override
  public void release(ByteBuffer b) {
    ByteBuffer whole = lent.remove(b);
    if (whole != null) {
      free.add(whole);
    }
  }

  @Override
  public boolean isDirect() {
    return false;
  }
}

package dev.parjit.frame.io.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Whole-file read-only mappings kept from one read to the next, keyed by path and checked against
 * the file's identity (file key, size, modification time) on every use: a rewritten file (our
 * writers replace files by rename) is mapped afresh. Keeping the mapping means later reads of the
 * same file take no page faults and no unmapping (whose TLB shootdowns stall every thread of the
 * process); the memory is the page cache's, so a kept mapping costs address space only.
 * Bounded by {@link #MAX_FILES} and {@link #MAX_BYTES}, least recently used dropped first (and
 * unmapped by the GC). Files of 2 GB or more are not mapped whole ({@link #get} gives null).
 */
final class MappedFiles {
  static final int MAX_FILES = 256;
  static final long MAX_BYTES = 64L << 30;

  private record Key(Object fileKey, long size, long modified) {}

  private record Entry(Key key, MappedByteBuffer buffer) {}

  private static final Map<Path, Entry> CACHE = new LinkedHashMap<>(16, 0.75f, true);
  private static long bytes;

  private MappedFiles() {}

  /** A read-only mapping of the whole file, or null when it is too large to map as one buffer. */
  static ByteBuffer get(Path file) throws IOException {
    Path abs = file.toAbsolutePath().normalize();
    BasicFileAttributes a = Files.readAttributes(abs, BasicFileAttributes.class);
    if (a.size() >= Integer.MAX_VALUE) {
      return null;
    }
    Key key = new Key(a.fileKey(), a.size(), a.lastModifiedTime().toMillis());
    synchronized (CACHE) {
      Entry e = CACHE.get(abs);
      if (e != null && Objects.equals(e.key(), key)) {
        return e.buffer().duplicate();
      }
    }
    MappedByteBuffer m;
    try (FileChannel ch = FileChannel.open(abs, StandardOpenOption.READ)) {
      m = ch.map(FileChannel.MapMode.READ_ONLY, 0, a.size());
    }
    synchronized (CACHE) {
      Entry old = CACHE.put(abs, new Entry(key, m));
      if (old != null) {
        bytes -= old.buffer().capacity();
      }
      bytes += m.capacity();
      Iterator<Entry> it = CACHE.values().iterator();
      while ((CACHE.size() > MAX_FILES || bytes > MAX_BYTES) && it.hasNext()) {
        Entry e = it.next();
        if (e.buffer() == m) {
          break;
        }
        bytes -= e.buffer().capacity();
        it.remove();
      }
    }
    return m.duplicate();
  }

  /** Forgets every mapping (tests). */
  static void clear() {
    synchronized (CACHE) {
      CACHE.clear();
      bytes = 0;
    }
  }
}

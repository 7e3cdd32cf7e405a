package dev.parjit.frame.io.parquet;

import org.apache.arrow.memory.ArrowBuf;

/** Arrow bitmap helpers (validity and BitVector data), LSB-first like Arrow and Parquet. */
final class Bits {
  private Bits() {}

  /** Sets bit {@code i}. */
  static void set(ArrowBuf buf, long i) {
    long b = i >>> 3;
    buf.setByte(b, buf.getByte(b) | (1 << (i & 7)));
  }

  /** Sets bits {@code [start, start+count)}, whole bytes at a time in the middle. */
  static void setRange(ArrowBuf buf, long start, long count) {
    long i = start;
    long end = start + count;
    while (i < end && (i & 7) != 0) {
      set(buf, i++);
    }
    long bytes = (end - i) >>> 3;
    if (bytes > 0) {
      buf.setOne(i >>> 3, bytes);
      i += bytes << 3;
    }
    while (i < end) {
      set(buf, i++);
    }
  }
}

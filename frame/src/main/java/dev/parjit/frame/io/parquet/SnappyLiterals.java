package dev.parjit.frame.io.parquet;

import java.nio.ByteBuffer;

/**
 * Snappy pages stored as literals, copied straight from the file. Snappy keeps bytes it cannot
 * compress (random doubles, hashes, most measurements) as literal runs of up to 64 KB in the
 * compressed stream, so such a page's decompressed bytes are already in the file. Decompressing it
 * with snappy-java (which works on heap arrays) means copying the page from the file's mapping
 * into an array, then copying it again into the output; copying the literal runs straight into the
 * output saves one pass over every byte (a sixth of a Parquet mean's CPU on incompressible data).
 *
 * <p>This is not a Snappy decoder: it only recognises a stream made of literal elements (tag type
 * 0; the format is Snappy's {@code format_description.txt}) whose preamble length and literal
 * lengths add up to exactly the page size. A stream with a back-reference (tag types 1 to 3), or
 * anything malformed, is left to snappy-java, which then decompresses it or reports the error.
 */
final class SnappyLiterals {
  /** Off: every page goes to snappy-java (tests compare both ways of reading the same pages). */
  static volatile boolean enabled = true;

  private SnappyLiterals() {}

  /**
   * Copies the decompressed page into {@code out[off, off + size)} when {@code chunk[at, at + len)}
   * is a Snappy stream of literals only that decompresses to exactly {@code size} bytes.
   *
   * @param runs scratch, left describing the page when it is copied
   * @return whether it did; when not, {@code out} is untouched
   */
  static boolean copy(ByteBuffer chunk, int at, int len, byte[] out, int off, int size, PageRuns runs) {
    if (!runs(chunk, at, len, size, runs)) {
      return false;
    }
    runs.copy(0, out, off, size);
    return true;
  }

  /**
   * Describes in {@code runs} where the page's bytes lie in {@code chunk} when {@code chunk[at, at + len)}
   * is a Snappy stream of literals only that decompresses to exactly {@code size} bytes.
   *
   * @return whether it is; when not, {@code runs} holds nothing useful
   */
  static boolean runs(ByteBuffer chunk, int at, int len, int size, PageRuns runs) {
    if (!enabled) {
      return false;
    }
    int end = at + len;
    int p = literalsStart(chunk, at, end, size);
    if (p < 0) {
      return false;
    }
    runs.reset(chunk);
    long total = 0;
    while (p < end) {
      long element = literal(chunk, p, end);
      if (element < 0) {
        return false;
      }
      int bytes = (int) (element >>> 32);
      p += (int) element;
      if (bytes > end - p || total + bytes > size) {
        return false; // the literal runs past the page, or holds more than the page
      }
      runs.add(p, bytes);
      p += bytes;
      total += bytes;
    }
    return total == size;
  }

  /** Position after the preamble (the varint uncompressed length), or -1 when it is not {@code size}. */
  private static int literalsStart(ByteBuffer chunk, int p, int end, int size) {
    long length = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (p >= end) {
        return -1;
      }
      int b = chunk.get(p++) & 0xFF;
      length |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
        return length == size ? p : -1;
      }
    }
    return -1;
  }

  /**
   * The literal element whose tag is at {@code chunk[p]}: its length in bytes in the high 32 bits,
   * its tag and length bytes in the low 32 (both non-negative); -1 for a back-reference or a tag
   * cut off by the page end.
   */
  private static long literal(ByteBuffer chunk, int p, int end) {
    int tag = chunk.get(p) & 0xFF;
    if ((tag & 3) != 0) {
      return -1;
    }
    int lengthBytes = Math.max(0, (tag >>> 2) - 59); // 60..63: the length - 1 follows in 1..4 bytes
    if (lengthBytes > end - p - 1) {
      return -1;
    }
    long bytes;
    if (lengthBytes == 0) {
      bytes = (tag >>> 2) + 1;
    } else {
      long v = 0;
      for (int i = 0; i < lengthBytes; i++) {
        v |= (long) (chunk.get(p + 1 + i) & 0xFF) << (8 * i);
      }
      bytes = v + 1;
    }
    if (bytes > Integer.MAX_VALUE) {
      return -1;
    }
    return bytes << 32 | (1 + lengthBytes);
  }
}

package dev.parjit.frame.io.parquet;

import java.util.Arrays;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * Bulk decoder of Parquet's RLE / bit-packed hybrid encoding (definition levels, dictionary ids):
 * RLE runs become {@code Arrays.fill}, bit-packed runs are unpacked 32 or 8 values at a time with
 * Parquet-MR's generated {@link BytePacker}s. One instance is reused page after page.
 */
final class HybridDecoder {
  private byte[] a;
  private int pos;
  private int end;
  private int bitWidth;
  private int byteWidth;
  private BytePacker packer;
  private boolean rle;
  private int runLeft;
  private int rleValue;
  /** Values of a bit-packed group of 8 that a previous call consumed only partly. */
  private final int[] pending = new int[8];
  private int pendingIdx = 8;
  /** Zero-padded copy of a final group whose bytes the writer truncated. */
  private final byte[] tail = new byte[32 * 4];

  /**
   * @param a the page bytes
   * @param pos first byte of the encoded data (after any length prefix or bit-width byte)
   * @param end one past the last byte
   * @param bitWidth bits per value, 0..32
   */
  void init(byte[] a, int pos, int end, int bitWidth) {
    if (bitWidth < 0 || bitWidth > 32) {
      throw new ParquetDecodingException("invalid RLE/bit-packed bit width " + bitWidth);
    }
    this.a = a;
    this.pos = pos;
    this.end = end;
    this.bitWidth = bitWidth;
    this.byteWidth = (bitWidth + 7) / 8;
    this.packer = Packer.LITTLE_ENDIAN.newBytePacker(bitWidth);
    this.runLeft = 0;
    this.pendingIdx = 8;
  }

  /**
   * Checks whether the next {@code n} values are one RLE run, the common case of a page without
   * nulls (or all nulls), and consumes them if so.
   *
   * @return the run's value, or -1 (consuming nothing) if the next n values are not one run
   */
  int uniform(int n) {
    if (bitWidth == 0) {
      return 0;
    }
    if (runLeft == 0) {
      if (pos >= end) {
        return -1;
      }
      nextRun();
    }
    if (rle && runLeft >= n) {
      runLeft -= n;
      return rleValue;
    }
    return -1;
  }

  /** Decodes the next {@code n} values into {@code out[off..off+n)}. */
  void read(int[] out, int off, int n) {
    if (bitWidth == 0) {
      Arrays.fill(out, off, off + n, 0);
      return;
    }
    while (n > 0) {
      if (runLeft == 0) {
        nextRun();
      }
      int take = Math.min(n, runLeft);
      n -= take;
      runLeft -= take;
      if (rle) {
        Arrays.fill(out, off, off + take, rleValue);
        off += take;
        continue;
      }
      while (take > 0) {
        if (pendingIdx < 8) {
          int c = Math.min(8 - pendingIdx, take);
          System.arraycopy(pending, pendingIdx, out, off, c);
          pendingIdx += c;
          off += c;
          take -= c;
        } else if (take >= 32 && pos + 4 * bitWidth <= end) {
          packer.unpack32Values(a, pos, out, off);
          pos += 4 * bitWidth;
          off += 32;
          take -= 32;
        } else if (take >= 8) {
          unpack8(out, off);
          off += 8;
          take -= 8;
        } else {
          unpack8(pending, 0);
          pendingIdx = 0;
        }
      }
    }
  }

  private void unpack8(int[] dst, int off) {
    if (pos + bitWidth <= end) {
      packer.unpack8Values(a, pos, dst, off);
    } else {
      Arrays.fill(tail, 0, bitWidth, (byte) 0);
      if (end > pos) {
        System.arraycopy(a, pos, tail, 0, end - pos);
      }
      packer.unpack8Values(tail, 0, dst, off);
    }
    pos += bitWidth;
  }

  private void nextRun() {
    if (pos >= end) {
      throw new ParquetDecodingException("RLE/bit-packed data ends before the page's values do");
    }
    int header = 0;
    int shift = 0;
    int b;
    do {
      if (pos >= end || shift > 28) {
        throw new ParquetDecodingException("corrupt RLE/bit-packed run header");
      }
      b = a[pos++];
      header |= (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    if ((header & 1) == 0) {
      rle = true;
      runLeft = header >>> 1;
      int v = 0;
      for (int i = 0; i < byteWidth; i++) {
        v |= (a[pos++] & 0xFF) << (8 * i);
      }
      rleValue = v;
    } else {
      rle = false;
      runLeft = (header >>> 1) * 8;
      pendingIdx = 8;
    }
    if (runLeft <= 0) {
      // Zero-length runs are legal but useless; skip them rather than loop forever on garbage.
      if (runLeft < 0) {
        throw new ParquetDecodingException("corrupt RLE/bit-packed run length");
      }
      nextRun();
    }
  }
}

package dev.parjit.frame.kernel;

import dev.parjit.frame.DType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * A string column copied once out of Arrow into one byte array plus offsets, so sorting,
 * hashing and comparing run on Java arrays without creating an object per row. Null rows have
 * empty ranges; check validity separately.
 */
public final class StringColumn {
  final byte[] bytes;
  final int[] offsets;

  private StringColumn(byte[] bytes, int[] offsets) {
    this.bytes = bytes;
    this.offsets = offsets;
  }

  /** Copies the offsets and character data of a STRING vector. */
  public static StringColumn of(FieldVector v) {
    if (DType.of(v) != DType.STRING) {
      throw new IllegalArgumentException("column '" + v.getName() + "' of dtype " + DType.of(v).pandasName() + " is not a string column");
    }
    int n = v.getValueCount();
    int[] off = new int[n + 1];
    if (n == 0) return new StringColumn(new byte[0], off);
    ArrowBuf ob = v.getOffsetBuffer();
    int base = ob.getInt(0);
    for (int i = 0; i <= n; i++) off[i] = ob.getInt(i * 4L) - base;
    byte[] b = new byte[off[n]];
    if (b.length > 0) v.getDataBuffer().getBytes(base, b, 0, b.length);
    return new StringColumn(b, off);
  }

  /** Byte length of row {@code i}. */
  public int length(int i) {
    return offsets[i + 1] - offsets[i];
  }

  /** Unsigned lexicographic comparison of row {@code i} of {@code a} and row {@code j} of {@code b}. */
  public static int compare(StringColumn a, int i, StringColumn b, int j) {
    int as = a.offsets[i];
    int al = a.offsets[i + 1] - as;
    int bs = b.offsets[j];
    int bl = b.offsets[j + 1] - bs;
    return java.util.Arrays.compareUnsigned(a.bytes, as, as + al, b.bytes, bs, bs + bl);
  }

  /** Compares row {@code i} with UTF-8 {@code key}. */
  public int compareTo(int i, byte[] key) {
    return java.util.Arrays.compareUnsigned(bytes, offsets[i], offsets[i + 1], key, 0, key.length);
  }

  /** True when row {@code i} of {@code a} and row {@code j} of {@code b} hold the same bytes. */
  public static boolean equal(StringColumn a, int i, StringColumn b, int j) {
    return java.util.Arrays.equals(a.bytes, a.offsets[i], a.offsets[i + 1], b.bytes, b.offsets[j], b.offsets[j + 1]);
  }

  /** {@link StableHash#hashUtf8} of row {@code i}. */
  public long hash(int i) {
    return StableHash.hashUtf8(bytes, offsets[i], offsets[i + 1] - offsets[i]);
  }
}

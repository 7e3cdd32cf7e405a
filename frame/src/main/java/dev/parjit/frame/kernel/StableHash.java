package dev.parjit.frame.kernel;

import dev.parjit.frame.DType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Row hashes that are identical in every JVM, for hash partitioning across ranks
 * ({@code FrameInternals.partitionByHash}). Never uses identity or {@code String} hash codes.
 *
 * <ul>
 *   <li>{@link #fmix64}: the MurmurHash3 64-bit finaliser.
 *   <li>integers, booleans (0/1) and timestamps (µs): {@code fmix64(value)}; an INT32 and an
 *       INT64 holding the same number hash alike.
 *   <li>float64: a value with an exact integer value in the long range hashes as that long (so
 *       {@code 1.0} and {@code 1} agree); otherwise {@code fmix64(doubleToLongBits(v))}; NaN
 *       hashes as null.
 *   <li>strings: {@code fmix64(FNV-1a-64(UTF-8 bytes))}.
 *   <li>null: {@link #NULL_HASH}.
 *   <li>a row over key columns k1..kn: {@code h = 0; for each k: h = fmix64(h * 0x100000001B3 + hash(k))}.
 *   <li>partition of a row: {@code Long.remainderUnsigned(h, parts)}.
 * </ul>
 */
public final class StableHash {
  /** Hash of a null (or NaN) key. */
  public static final long NULL_HASH = 0x6E756C6C6B657921L;

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private StableHash() {}

  /** MurmurHash3's 64-bit finaliser: a bijective mix of all bits. */
  public static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** Hash of an integer, boolean (0/1) or timestamp (µs) value. */
  public static long hashLong(long v) {
    return fmix64(v);
  }

  /** Hash of a float64 value (integral values hash as longs, NaN as null). */
  public static long hashDouble(double d) {
    if (Double.isNaN(d)) return NULL_HASH;
    if (d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63) return fmix64((long) d);
    return fmix64(Double.doubleToLongBits(d));
  }

  /** Hash of UTF-8 bytes {@code b[off, off+len)}. */
  public static long hashUtf8(byte[] b, int off, int len) {
    long h = FNV_OFFSET;
    for (int i = off; i < off + len; i++) {
      h ^= b[i] & 0xff;
      h *= FNV_PRIME;
    }
    return fmix64(h);
  }

  /** Folds one key's hash into a row hash. */
  public static long combine(long rowHash, long keyHash) {
    return fmix64(rowHash * FNV_PRIME + keyHash);
  }

  /** Row hashes over the given key columns (all of the same length). */
  public static long[] hashRows(List<FieldVector> keys) {
    int n = keys.isEmpty() ? 0 : keys.get(0).getValueCount();
    long[] h = new long[n];
    for (FieldVector k : keys) {
      DType t = DType.of(k);
      boolean[] valid = Vectors.validity(k);
      if (t == DType.STRING) {
        StringColumn s = StringColumn.of(k);
        for (int i = 0; i < n; i++) h[i] = combine(h[i], valid == null || valid[i] ? s.hash(i) : NULL_HASH);
      } else if (t == DType.FLOAT64) {
        ArrowBuf data = k.getDataBuffer();
        for (int i = 0; i < n; i++) {
          h[i] = combine(h[i], valid == null || valid[i] ? hashDouble(data.getDouble(i * 8L)) : NULL_HASH);
        }
      } else {
        long[] v = Vectors.longs(k);
        for (int i = 0; i < n; i++) h[i] = combine(h[i], valid == null || valid[i] ? hashLong(v[i]) : NULL_HASH);
      }
    }
    return h;
  }

  /** Partition of a row hash among {@code parts} parts. */
  public static int partition(long rowHash, int parts) {
    return (int) Long.remainderUnsigned(rowHash, parts);
  }

  /** Partition of every row over the given key columns. */
  public static int[] partitions(List<FieldVector> keys, int parts) {
    if (parts <= 0) throw new IllegalArgumentException("parts must be positive, got " + parts);
    long[] h = hashRows(keys);
    int[] p = new int[h.length];
    for (int i = 0; i < h.length; i++) p[i] = partition(h[i], parts);
    return p;
  }
}

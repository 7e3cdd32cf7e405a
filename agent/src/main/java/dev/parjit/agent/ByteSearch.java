package dev.parjit.agent;

/**
 * A byte-string search over class bytes: the quick "could this class be ours?" checks before
 * parsing. The transformer asks it of every class the JVM loads (thousands at a worker's start,
 * most of them library classes served from the class-data-sharing archive), much of it before the
 * JIT has compiled anything: a Horspool search looks at about one byte in {@code needle.length}
 * instead of every byte, which made the scan several times cheaper in the interpreter.
 */
public final class ByteSearch {

  private final byte[] needle;
  /** How far the window may move when its last byte is {@code b}: the distance from b's last place in the needle (its last byte excluded) to the end. */
  private final int[] shift = new int[256];

  /** A search for {@code needle}, reusable: the skip table is built once. */
  public ByteSearch(byte[] needle) {
    this.needle = needle.clone();
    int m = needle.length;
    java.util.Arrays.fill(shift, Math.max(1, m));
    for (int k = 0; k < m - 1; k++) {
      shift[needle[k] & 0xff] = m - 1 - k;
    }
  }

  /** Whether the needle occurs in {@code haystack}. */
  public boolean in(byte[] haystack) {
    int m = needle.length;
    if (m == 0) {
      return true;
    }
    int last = m - 1;
    byte end = needle[last];
    for (int i = 0; i <= haystack.length - m; ) {
      byte b = haystack[i + last];
      if (b == end && matchesAt(haystack, i, last)) {
        return true;
      }
      i += shift[b & 0xff];
    }
    return false;
  }

  private boolean matchesAt(byte[] haystack, int at, int length) {
    for (int j = 0; j < length; j++) {
      if (haystack[at + j] != needle[j]) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code needle} occurs in {@code haystack} (for a needle searched once). */
  public static boolean contains(byte[] haystack, byte[] needle) {
    return new ByteSearch(needle).in(haystack);
  }
}

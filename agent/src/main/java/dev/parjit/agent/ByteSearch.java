package dev.parjit.agent;

/** A byte-string search over class bytes: the quick "could this class be ours?" checks before parsing. */
public final class ByteSearch {

  private ByteSearch() { }

  /** Whether {@code needle} occurs in {@code haystack}. */
  public static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}

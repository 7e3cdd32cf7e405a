package dev.parjit.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteSearchTest {

  /** The plain definition the skipping search must agree with. */
  private static boolean naive(byte[] haystack, byte[] needle) {
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

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void edges() {
    assertTrue(ByteSearch.contains(b("abc"), b("")));
    assertTrue(ByteSearch.contains(b(""), b("")));
    assertFalse(ByteSearch.contains(b("ab"), b("abc")));
    assertTrue(ByteSearch.contains(b("abc"), b("abc")));
    assertTrue(ByteSearch.contains(b("xxabc"), b("abc")), "at the end");
    assertTrue(ByteSearch.contains(b("abcxx"), b("abc")), "at the start");
    assertFalse(ByteSearch.contains(b("abxabyab"), b("abc")));
    assertTrue(ByteSearch.contains(b("aaaaab"), b("aab")), "a repeated prefix");
    assertTrue(ByteSearch.contains(new byte[] {(byte) 0xff, (byte) 0x80, 1}, new byte[] {(byte) 0x80, 1}), "negative bytes");
  }

  /** Small alphabets make near-misses and overlapping matches common: the cases a skip table gets wrong. */
  @Test
  void agreesWithTheNaiveSearchOnRandomInput() {
    Random random = new Random(42);
    for (int round = 0; round < 20_000; round++) {
      int alphabet = 1 + random.nextInt(4);
      byte[] haystack = new byte[random.nextInt(40)];
      byte[] needle = new byte[random.nextInt(6)];
      for (int k = 0; k < haystack.length; k++) {
        haystack[k] = (byte) (random.nextInt(alphabet) - 2);
      }
      for (int k = 0; k < needle.length; k++) {
        needle[k] = (byte) (random.nextInt(alphabet) - 2);
      }
      assertEquals(naive(haystack, needle), new ByteSearch(needle).in(haystack),
          () -> java.util.Arrays.toString(needle) + " in " + java.util.Arrays.toString(haystack));
    }
  }

  @Test
  void findsTheJitDescriptorInAnAnnotatedClassOnly() throws IOException {
    ByteSearch jit = new ByteSearch(b("Ldev/parjit/Jit;"));
    assertTrue(jit.in(classBytes(Annotated.class)));
    assertFalse(jit.in(classBytes(ClassFilter.class)));
  }

  private static byte[] classBytes(Class<?> c) throws IOException {
    try (InputStream in = c.getResourceAsStream(c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class")) {
      return in.readAllBytes();
    }
  }

  static final class Annotated {
    @dev.parjit.Jit
    static int f(int n) {
      return n;
    }
  }
}

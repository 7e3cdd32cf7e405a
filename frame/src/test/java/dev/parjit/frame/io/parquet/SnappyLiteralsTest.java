package dev.parjit.frame.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xerial.snappy.Snappy;

/**
 * {@link SnappyLiterals} against snappy-java: a stream it accepts gives snappy-java's bytes, and
 * it declines every stream with a back-reference, a wrong length or a cut-off element.
 */
class SnappyLiteralsTest {

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** Copies through a buffer where the stream starts at {@code at} (heap or direct, like a mapping). */
  private static byte[] copy(byte[] stream, int size, boolean direct, int at, int outOff) {
    ByteBuffer chunk = direct ? ByteBuffer.allocateDirect(at + stream.length + 3) : ByteBuffer.allocate(at + stream.length + 3);
    chunk.put(at, stream);
    byte[] out = new byte[outOff + size + 5];
    Arrays.fill(out, (byte) 0x5A);
    if (!SnappyLiterals.copy(chunk, at, stream.length, out, outOff, size, new PageRuns())) {
      return null;
    }
    for (int i = 0; i < outOff; i++) {
      assertEquals((byte) 0x5A, out[i], "byte before the output range written");
    }
    for (int i = outOff + size; i < out.length; i++) {
      assertEquals((byte) 0x5A, out[i], "byte after the output range written");
    }
    return Arrays.copyOfRange(out, outOff, outOff + size);
  }

  /** Incompressible pages of every size class snappy-java writes as literals are copied, byte for byte. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 59, 60, 61, 255, 256, 257, 4096, 65535, 65536, 65537, 163_848, 300_000})
  void incompressibleBytesAreCopied(int n) throws Exception {
    byte[] page = random(n, n);
    byte[] stream = Snappy.compress(page);
    byte[] expected = Snappy.uncompress(stream);
    assertArrayEquals(page, expected);
    byte[] got = copy(stream, n, false, 0, 0);
    if (got == null) {
      // Random bytes can repeat four bytes within a block, which snappy-java then writes as a
      // back-reference: declining is right only when the stream holds one.
      assertTrue(hasBackReference(stream), "declined a literal-only stream of " + n + " bytes");
      return;
    }
    assertArrayEquals(expected, got);
    assertArrayEquals(expected, copy(stream, n, true, 13, 7));
  }

  /** Most random pages of a Parquet page's size are literal-only: the fast path is the one taken. */
  @Test
  void typicalRandomPagesTakeTheLiteralPath() throws Exception {
    int copied = 0;
    for (int seed = 0; seed < 20; seed++) {
      byte[] page = random(163_848, 1000 + seed);
      byte[] got = copy(Snappy.compress(page), page.length, true, 0, 8);
      if (got != null) {
        assertArrayEquals(page, got);
        copied++;
      }
    }
    assertTrue(copied >= 10, "only " + copied + " of 20 random pages were literal-only");
  }

  /** Each literal length form (inline, and 1 to 4 length bytes), hand-built, in one stream. */
  @Test
  void everyLiteralLengthForm() {
    byte[] a = random(70_000, 5);
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    int total = 3 + 100 + 300 + 66_000 + 10;
    varint(s, total);
    literal(s, a, 0, 3, 0); // inline length
    literal(s, a, 3, 100, 1);
    literal(s, a, 103, 300, 2);
    literal(s, a, 403, 66_000, 3);
    literal(s, a, 66_403, 10, 4);
    byte[] stream = s.toByteArray();
    byte[] got = copy(stream, total, true, 5, 3);
    assertArrayEquals(Arrays.copyOf(a, total), got);
  }

  @Test
  void compressibleBytesAreLeftToSnappy() throws Exception {
    byte[] zeros = new byte[100_000];
    assertTrue(hasBackReference(Snappy.compress(zeros)));
    assertTrue(copy(Snappy.compress(zeros), zeros.length, false, 0, 0) == null, "zeros");
    // Random bytes, then text: literals, then back-references.
    byte[] mixed = random(50_000, 9);
    byte[] text = "a Parquet page of repeated text ".repeat(1000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, mixed, 30_000, 20_000);
    byte[] stream = Snappy.compress(mixed);
    assertTrue(hasBackReference(stream));
    assertTrue(copy(stream, mixed.length, true, 0, 0) == null, "a stream with back-references");
  }

  @Test
  void wrongLengthsAndCutStreamsAreDeclined() throws Exception {
    byte[] page = random(1000, 3);
    byte[] stream = Snappy.compress(page);
    assertTrue(copy(stream, 1000, false, 0, 0) != null, "the intact stream is literal-only");
    assertTrue(copy(stream, 999, false, 0, 0) == null, "page size other than the preamble's");
    assertTrue(copy(stream, 1001, false, 0, 0) == null, "page size other than the preamble's");
    for (int cut : new int[] {0, 1, 2, 3, 4, stream.length / 2, stream.length - 1}) {
      byte[] shorter = Arrays.copyOf(stream, cut);
      assertTrue(copy(shorter, 1000, false, 0, 0) == null, "stream cut to " + cut + " bytes");
    }
    // The preamble says 1000 but the literals hold 1000 plus one more literal.
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    s.writeBytes(stream);
    literal(s, page, 0, 1, 0);
    assertTrue(copy(s.toByteArray(), 1000, false, 0, 0) == null, "more literal bytes than the preamble says");
    // A varint preamble that never ends.
    byte[] endless = new byte[8];
    Arrays.fill(endless, (byte) 0xFF);
    assertTrue(copy(endless, 1000, false, 0, 0) == null, "endless preamble");
  }

  @Test
  void aLiteralRunningPastThePageIsDeclined() {
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    varint(s, 100);
    s.write(60 << 2); // literal, length - 1 in one byte
    s.write(99);
    s.writeBytes(new byte[50]); // only half the literal's bytes
    assertFalse(SnappyLiterals.copy(ByteBuffer.wrap(s.toByteArray()), 0, s.size(), new byte[100], 0, 100, new PageRuns()));
  }

  private static void varint(ByteArrayOutputStream s, int v) {
    while (v >= 0x80) {
      s.write((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    s.write(v);
  }

  /** A literal element whose length - 1 is inline ({@code lengthBytes == 0}) or in 1..4 bytes. */
  private static void literal(ByteArrayOutputStream s, byte[] a, int from, int n, int lengthBytes) {
    if (lengthBytes == 0) {
      s.write((n - 1) << 2);
    } else {
      s.write((59 + lengthBytes) << 2);
      for (int i = 0; i < lengthBytes; i++) {
        s.write(((n - 1) >>> (8 * i)) & 0xFF);
      }
    }
    s.write(a, from, n);
  }

  /** Whether a valid snappy stream holds a copy element (walked with the format's tag rules). */
  private static boolean hasBackReference(byte[] stream) {
    int p = 0;
    while ((stream[p++] & 0x80) != 0) {
      // preamble
    }
    while (p < stream.length) {
      int tag = stream[p++] & 0xFF;
      switch (tag & 3) {
        case 0: {
          int len = tag >>> 2;
          if (len >= 60) {
            int bytes = len - 59;
            len = 0;
            for (int i = 0; i < bytes; i++) {
              len |= (stream[p++] & 0xFF) << (8 * i);
            }
          }
          p += len + 1;
          break;
        }
        default:
          return true;
      }
    }
    return false;
  }
}

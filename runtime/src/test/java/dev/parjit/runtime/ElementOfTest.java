package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ParallelRuntime#elementOf}: on 1–4 simulated ranks every rank reads the global element
 * (its exact bits: -0.0 and NaN payloads included) whoever holds it, empty chunks too, and an index
 * outside the whole array throws the JVM's own exception on every rank.
 */
class ElementOfTest {

  private static final int[] SIZES = {1, 2, 3, 5, 10, 37};

  private static double[] doubles(int n) {
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = i % 3 == 0 ? -0.0 : i % 3 == 1 ? Double.longBitsToDouble(0x7ff8_0000_0000_0abcL + i) : i * -1.25;
    }
    return g;
  }

  /** Rank r's chunk of {@code g}, registered as the distributed allocation registers it. */
  private static <T> T chunk(T g, int n, int p, int r) {
    int start = (int) BlockDistribution.start(n, p, r);
    int len = BlockDistribution.count(n, p, r);
    Object c = java.lang.reflect.Array.newInstance(g.getClass().getComponentType(), len);
    System.arraycopy(g, start, c, 0, len);
    DistributedArrays.register(c, n, start);
    @SuppressWarnings("unchecked") T t = (T) c;
    return t;
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void everyRankReadsTheHoldersDoubleBits(int p) throws Exception {
    for (int n : SIZES) {
      double[] g = doubles(n);
      List<long[]> got = SimulatedRanks.run(p, r -> {
        double[] c = chunk(g, n, p, r);
        long[] bits = new long[n];
        for (int i = 0; i < n; i++) {
          bits[i] = Double.doubleToRawLongBits(ParallelRuntime.elementOf(c, i));
        }
        return bits;
      });
      long[] expected = Arrays.stream(g).mapToLong(Double::doubleToRawLongBits).toArray();
      got.forEach(bits -> assertArrayEquals(expected, bits, n + " elements"));
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void everyPrimitiveTypeComesWhole(int p) throws Exception {
    int n = 11;
    int[] ints = new int[n];
    long[] longs = new long[n];
    float[] floats = new float[n];
    short[] shorts = new short[n];
    char[] chars = new char[n];
    byte[] bytes = new byte[n];
    boolean[] bools = new boolean[n];
    for (int i = 0; i < n; i++) {
      ints[i] = Integer.MIN_VALUE + i;
      longs[i] = Long.MIN_VALUE / (i + 1);
      floats[i] = i == 0 ? -0.0f : -i / 3f;
      shorts[i] = (short) (Short.MIN_VALUE + i);
      chars[i] = (char) (Character.MAX_VALUE - i);
      bytes[i] = (byte) (-128 + i);
      bools[i] = i % 2 == 0;
    }
    List<String> got = SimulatedRanks.run(p, r -> {
      int[] ci = chunk(ints, n, p, r);
      long[] cl = chunk(longs, n, p, r);
      float[] cf = chunk(floats, n, p, r);
      short[] cs = chunk(shorts, n, p, r);
      char[] cc = chunk(chars, n, p, r);
      byte[] cb = chunk(bytes, n, p, r);
      boolean[] cz = chunk(bools, n, p, r);
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < n; i++) {
        out.append(ParallelRuntime.elementOf(ci, i)).append(' ').append(ParallelRuntime.elementOf(cl, i)).append(' ')
            .append(Float.floatToRawIntBits(ParallelRuntime.elementOf(cf, i))).append(' ')
            .append(ParallelRuntime.elementOf(cs, i)).append(' ').append((int) ParallelRuntime.elementOf(cc, i)).append(' ')
            .append(ParallelRuntime.byteOrBooleanElementOf(cb, i)).append(' ')
            .append(ParallelRuntime.byteOrBooleanElementOf(cz, i)).append('\n');
      }
      return out.toString();
    });
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < n; i++) {
      expected.append(ints[i]).append(' ').append(longs[i]).append(' ').append(Float.floatToRawIntBits(floats[i]))
          .append(' ').append(shorts[i]).append(' ').append((int) chars[i]).append(' ').append(bytes[i]).append(' ')
          .append(bools[i] ? 1 : 0).append('\n');
    }
    got.forEach(s -> assertEquals(expected.toString(), s));
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void anIndexOutsideTheWholeArrayThrowsTheSequentialExceptionOnEveryRank(int p) throws Exception {
    for (int n : new int[] {0, 1, 5}) {
      for (int index : new int[] {-1, n, n + 7}) {
        double[] g = doubles(n);
        List<String> messages = SimulatedRanks.run(p, r -> {
          double[] c = chunk(g, n, p, r);
          return assertThrows(ArrayIndexOutOfBoundsException.class, () -> ParallelRuntime.elementOf(c, index)).getMessage();
        });
        String expected = assertThrows(ArrayIndexOutOfBoundsException.class, () -> g[index] += 0).getMessage();
        messages.forEach(m -> assertEquals(expected, m));
      }
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {2, 3})
  void anArrayThatIsNotDistributedIsReadWhereItIs(int p) throws Exception {
    // Each rank holds a different whole array: no collective happens, each reads its own.
    List<Double> got = SimulatedRanks.run(p, r -> ParallelRuntime.elementOf(new double[] {r, r + 0.5}, 1));
    for (int r = 0; r < p; r++) {
      assertEquals(r + 0.5, got.get(r));
    }
  }
}

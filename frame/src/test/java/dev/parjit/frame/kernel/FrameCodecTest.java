package dev.parjit.frame.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
  static DataFrame everyType(int n) {
    double[] d = new double[n];
    long[] l = new long[n];
    int[] i32 = new int[n];
    boolean[] b = new boolean[n];
    String[] s = new String[n];
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      d[i] = i % 5 == 0 ? Double.NaN : i * 0.5;
      l[i] = i * 1_000_000_007L;
      i32[i] = -i;
      b[i] = i % 3 == 0;
      s[i] = i % 4 == 1 ? null : "s" + i + (i % 2 == 0 ? "é" : "");
      t[i] = i * 86_400_000_001L;
    }
    return DataFrame.builder().add("d", d).add("l", l).add("i", i32).add("b", b).add("s", s).addTimestamps("t", t).build();
  }

  @Test
  void roundTripsEveryTypeWithNulls() {
    for (int n : new int[] {0, 1, 7, 8, 9, 100}) {
      DataFrame df = everyType(n);
      // Arrow nulls in the non-string columns too: a left join with no match.
      DataFrame keys = DataFrame.of("l", new long[] {-1, 0});
      DataFrame withNulls = keys.merge(df, dev.parjit.frame.JoinType.LEFT, "l");
      for (DataFrame f : new DataFrame[] {df, withNulls, df.slice(n / 3, n - n / 3)}) {
        byte[] bytes = FrameCodec.encode(f);
        assertEquals(f, FrameCodec.decode(bytes), "n=" + n);
        assertEquals(f.toString(), FrameCodec.decode(bytes).toString());
      }
    }
  }

  @Test
  void emptySchemaRoundTrips() {
    DataFrame none = DataFrame.builder().build();
    assertEquals(none, FrameCodec.decode(FrameCodec.encode(none)));
  }

  @Test
  void rejectsCorruptInput() {
    byte[] ok = FrameCodec.encode(everyType(10));
    assertThrows(IllegalArgumentException.class, () -> FrameCodec.decode(Arrays.copyOf(ok, ok.length - 3)));
    assertThrows(IllegalArgumentException.class, () -> FrameCodec.decode(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
    byte[] hugeRows = ok.clone();
    java.nio.ByteBuffer.wrap(hugeRows).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(12, Integer.MAX_VALUE);
    assertThrows(IllegalArgumentException.class, () -> FrameCodec.decode(hugeRows));
    byte[] extra = Arrays.copyOf(ok, ok.length + 1);
    assertThrows(IllegalArgumentException.class, () -> FrameCodec.decode(extra));
  }

  @Test
  void seriesFromDecodedFrameIsUsable() {
    DataFrame back = FrameCodec.decode(FrameCodec.encode(everyType(20)));
    Series s = back.column("s");
    assertEquals("s2é", s.getString(2));
    assertEquals(everyType(20).column("d").sum(), back.column("d").sum());
  }
}

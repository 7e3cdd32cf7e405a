package dev.parjit.frame.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.DataFrame;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

class VectorsTest {
  @Test
  void viewsAtEveryOffsetEqualGatheredCopies() {
    DataFrame df = FrameCodecTest.everyType(37);
    for (String c : df.columns()) {
      FieldVector v = df.column(c).arrowVector();
      for (int start = 0; start < 12; start++) {
        int len = 37 - start - (start % 3);
        int[] rows = new int[len];
        for (int i = 0; i < len; i++) rows[i] = start + i;
        try (FieldVector view = Vectors.view(v, c, start, len); FieldVector copy = Vectors.take(v, c, rows)) {
          assertTrue(Vectors.contentEquals(view, copy), c + " at " + start);
          try (FieldVector both = Vectors.concat(dev.parjit.frame.DType.of(v), c, List.of(view, copy))) {
            int[] twice = new int[2 * len];
            for (int i = 0; i < 2 * len; i++) twice[i] = rows[i % len];
            try (FieldVector expected = Vectors.take(v, c, twice)) {
              assertTrue(Vectors.contentEquals(both, expected), "concat " + c + " at " + start);
            }
          }
        }
      }
    }
  }

  @Test
  void takeWithMinusOneGivesNulls() {
    DataFrame df = FrameCodecTest.everyType(5);
    for (String c : df.columns()) {
      try (FieldVector t = Vectors.take(df.column(c).arrowVector(), c, new int[] {-1, 2, -1})) {
        assertEquals(3, t.getValueCount());
        assertTrue(t.isNull(0) && t.isNull(2), c);
      }
    }
  }

  @Test
  void viewsShareBuffersAndCountReferences() {
    // Reference counts, not FrameMemory totals: the Cleaner may free other tests' garbage meanwhile.
    FieldVector v = Vectors.ofDoubles("x", new double[] {1, 2, 3}, null);
    int own = v.getDataBuffer().refCnt(); // validity and data may share one allocation
    FieldVector view = Vectors.view(v, "y", 0, 3);
    int shared = view.getDataBuffer().refCnt();
    assertTrue(shared > own, "an aligned view shares the data buffer");
    v.close();
    assertEquals(shared - own, view.getDataBuffer().refCnt(), "the view keeps the buffer alive");
    assertEquals(3.0, view.getDataBuffer().getDouble(16));
    view.close();
  }
}

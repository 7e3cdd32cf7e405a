package dev.parjit.frame.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rows grouped by destination keep their order within each group; ascending ones are not copied. */
class RowsByDestinationTest {

  @Test
  void groupsAreStableAndInRankOrder() {
    Random rnd = new Random(2);
    for (int round = 0; round < 50; round++) {
      int p = 1 + rnd.nextInt(5);
      int n = rnd.nextInt(40);
      int[] dest = new int[n];
      for (int i = 0; i < n; i++) dest[i] = rnd.nextInt(p);
      RowsByDestination g = RowsByDestination.of(dest, p);
      int k = 0;
      for (int d = 0; d < p; d++) {
        assertEquals(k, g.from(d));
        for (int i = 0; i < n; i++) {
          if (dest[i] == d) {
            assertEquals(i, g.rows() == null ? k : g.rows()[k], "round " + round);
            k++;
          }
        }
        assertEquals(k, g.to(d));
      }
      assertEquals(n, k);
    }
  }

  @Test
  void ascendingDestinationsNeedNoRowNumbers() {
    RowsByDestination g = RowsByDestination.of(new int[] {0, 0, 2, 2, 2, 3}, 4);
    assertNull(g.rows());
    assertArrayEquals(new int[] {0, 2, 2, 5, 6}, g.bounds());
    RowsByDestination none = RowsByDestination.of(new int[0], 3);
    assertNull(none.rows());
    assertArrayEquals(new int[] {0, 0, 0, 0}, none.bounds());
  }
}

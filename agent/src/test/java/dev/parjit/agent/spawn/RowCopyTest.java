package dev.parjit.agent.spawn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Written rows come back into the caller's own row objects; rows of another shape are refused before anything is copied. */
class RowCopyTest {

  @Test
  void aWorkersRowsAreCopiedIntoTheCallersRowsAtTheirBlock() {
    double[][] caller = {{1, 2}, {3}, null, {4, 5, 6}};
    double[] row1 = caller[1];
    double[][] fromRank1 = {{30}, null, {40, 50, 60}}; // rows 1..3
    assertTrue(RowCopy.fits(caller, fromRank1, 1));
    RowCopy.copyInto(caller, fromRank1, 1);
    assertSame(row1, caller[1], "the caller's row object is the one updated");
    assertArrayEquals(new double[][] {{1, 2}, {30}, null, {40, 50, 60}}, caller);
    assertNull(caller[2]);
  }

  @Test
  void rowsOfRowsKeepTheirIdentityToo() {
    long[][][] caller = {{{1, 2}, {3}}, {{4}}};
    long[] inner = caller[0][1];
    long[][][] whole = {{{10, 20}, {30}}, {{40}}};
    assertTrue(RowCopy.fits(caller, whole, 0));
    RowCopy.copyInto(caller, whole, 0);
    assertSame(inner, caller[0][1]);
    assertArrayEquals(new long[] {30}, caller[0][1]);
  }

  @Test
  void anotherShapeDoesNotFit() {
    double[][] caller = {{1, 2}, {3}};
    assertFalse(RowCopy.fits(caller, new double[][] {{1, 2}, {3, 4}}, 0), "a row of another length");
    assertFalse(RowCopy.fits(caller, new double[][] {{1, 2}, null}, 0), "a row that became null");
    assertFalse(RowCopy.fits(caller, new double[][] {{3}}, 2), "beyond the caller's rows");
    assertFalse(RowCopy.fits(caller, new int[][] {{1, 2}}, 0), "another element type");
  }
}

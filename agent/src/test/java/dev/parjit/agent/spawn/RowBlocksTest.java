package dev.parjit.agent.spawn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RowBlocksTest {

  private static Messages.Reply reply(int rank, Object rows, long global, long start) {
    return new Messages.Reply(7, rank, new Messages.RowsBlock(rows, global, start), null);
  }

  @Test
  void blocksAreAssembledInRankOrderKeepingTheReceivedRows() {
    double[] r0 = {1, 2};
    double[] r1 = {3};
    double[] r2 = null; // a null row stays null
    Messages.Reply[] replies = {
        reply(0, new double[][] {r0}, 3, 0), reply(1, new double[0][], 3, 1), reply(2, new double[][] {r1, r2}, 3, 1)};
    double[][] out = (double[][]) RowBlocks.assemble(replies);
    assertEquals(3, out.length);
    assertSame(r0, out[0]);
    assertSame(r1, out[1]);
    assertEquals(null, out[2]);
  }

  @Test
  void noRowsAtAllIsAnEmptyArrayOfTheReturnedType() {
    Object out = RowBlocks.assemble(new Messages.Reply[] {reply(0, new int[0][], 0, 0), reply(1, new int[0][], 0, 0)});
    assertArrayEquals(new int[0][], (int[][]) out);
  }

  @Test
  void blocksThatDoNotCoverTheArrayOnceAreRefused() {
    assertThrows(IllegalStateException.class, () -> RowBlocks.assemble(new Messages.Reply[] {
        reply(0, new double[1][], 3, 0), reply(1, new double[1][], 3, 2)}), "a gap");
    assertThrows(IllegalStateException.class, () -> RowBlocks.assemble(new Messages.Reply[] {
        reply(0, new double[1][], 3, 0), reply(1, new double[1][], 3, 1)}), "too few rows");
    assertThrows(IllegalStateException.class, () -> RowBlocks.assemble(new Messages.Reply[] {
        reply(0, new double[1][], 2, 0), new Messages.Reply(7, 1, 5.0, null)}), "a rank without a block");
  }
}

package dev.parjit.agent.spawn;

import java.lang.reflect.Array;

/**
 * The array of rows a call returned, assembled on the driver from every rank's
 * {@link Messages.RowsBlock}: the rows themselves are the ones the replies decoded, placed in rank
 * order, so nothing is copied after the transfer.
 */
final class RowBlocks {

  private RowBlocks() { }

  /** Every rank's block, in rank order; they must cover the whole array once, or it is Parjit's bug. */
  static Object assemble(Messages.Reply[] replies) {
    Messages.RowsBlock first = (Messages.RowsBlock) replies[0].value();
    long n = first.globalRows();
    Object out = Array.newInstance(first.rows().getClass().getComponentType(), Math.toIntExact(n));
    long covered = 0;
    for (Messages.Reply r : replies) {
      if (!(r.value() instanceof Messages.RowsBlock block) || block.start() != covered || block.globalRows() != n
          || block.rows().getClass() != first.rows().getClass()) {
        throw new IllegalStateException("rank " + r.rank() + " returned rows that do not continue the blocks before it"
            + " (rows " + covered + " of " + n + " assembled)");
      }
      int len = Array.getLength(block.rows());
      System.arraycopy(block.rows(), 0, out, (int) block.start(), len);
      covered += len;
    }
    if (covered != n) {
      throw new IllegalStateException("the ranks returned " + covered + " rows of " + n);
    }
    return out;
  }
}

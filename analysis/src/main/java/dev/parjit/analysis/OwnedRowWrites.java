package dev.parjit.analysis;

import dev.parjit.analysis.dataflow.Consumers;
import java.util.Set;
import java.util.function.Predicate;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The rule for writes inside the rows of a distributed multi-dimensional array: {@code c[i][j] = e}
 * (and {@code c[i][j][k] = e}, or through a local {@code double[] row = c[i]}) in a parallel loop
 * over {@code i}, where {@code c[i]} is an aligned
 * access of a row-distributed array. The row belongs to the rank that runs iteration {@code i}, so
 * any element of it may be written there; no other iteration reaches that row, because any other
 * read {@code c[k]} makes {@code c} REP and the write then no longer qualifies.
 */
final class OwnedRowWrites {

  private OwnedRowWrites() { }

  /**
   * Whether {@code store} (an {@code xASTORE}) writes into a row reached by {@code AALOAD}s from an
   * access that {@code alignedRow} accepts (an {@code AALOAD} of a distributed array at the loop's index).
   */
  static boolean intoOwnedRow(AbstractInsnNode store, Consumers consumers, Predicate<AbstractInsnNode> alignedRow) {
    Set<AbstractInsnNode> array = ArrayOperands.array(consumers, store);
    // Rows of rows (double[][][]): at most two levels of row fetches above the element store.
    for (int level = 0; level < 2; level++) {
      array = throughRowLocal(consumers, array);
      if (array.size() != 1 || array.iterator().next().getOpcode() != Opcodes.AALOAD) {
        return false;
      }
      AbstractInsnNode rowFetch = array.iterator().next();
      if (alignedRow.test(rowFetch)) {
        return true;
      }
      array = ArrayOperands.array(consumers, rowFetch);
    }
    return false;
  }

  /**
   * A row kept in a local ({@code double[] row = c[i]; row[j] = e}): the row fetch stored into it,
   * when that store is the only definition the load sees. A value carried from one iteration to the
   * next would make the local live at the loop's header, which keeps the loop sequential anyway.
   */
  private static Set<AbstractInsnNode> throughRowLocal(Consumers consumers, Set<AbstractInsnNode> array) {
    if (array.size() == 1 && array.iterator().next() instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD) {
      Set<AbstractInsnNode> defs = consumers.definitions(load, load.var);
      if (defs.size() == 1 && defs.iterator().next() instanceof VarInsnNode st && st.getOpcode() == Opcodes.ASTORE) {
        return consumers.operand(st, 0);
      }
    }
    return array;
  }
}

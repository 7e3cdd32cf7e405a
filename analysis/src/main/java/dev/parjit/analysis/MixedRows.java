package dev.parjit.analysis;

import static dev.parjit.analysis.AlignedAccesses.accessOperand;
import static dev.parjit.analysis.AlignedAccesses.alignedArray;

import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.CountedLoop;
import dev.parjit.analysis.plan.RowWidth;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A loop that indexes its arrays in two ways ({@link DeclineRule#MIXED_ROW_WIDTHS}: rows of one width
 * and rows of another, or rows and elements) cannot take one range from them. When the arrays it
 * writes agree, the arrays it only reads in another way leave 1D (REP, read whole at the global index)
 * and the loop runs over the written ones: {@code out[i] = sum of a[k * i + j]} keeps {@code out} split
 * and reads {@code a} whole, {@code c[n * i + j] = x[i]} keeps the rows of {@code c}.
 */
final class MixedRows {

  private MixedRows() { }

  /**
   * Why {@code slot} leaves 1D: it is only read in a loop declined for mixing widths, in another way
   * than every array that loop writes; {@code null} otherwise.
   */
  static Decline whyNot1D(MethodFacts f, int slot, List<LoopDecision> decisions, Set<Integer> oneD) {
    for (int k = 0; k < decisions.size(); k++) {
      LoopDecision d = decisions.get(k);
      if (d.parallel() || d.shape() == null || d.reason().rule() != DeclineRule.MIXED_ROW_WIDTHS) {
        continue;
      }
      Set<FlatRows.RowAccess> written = new HashSet<>();
      Set<FlatRows.RowAccess> read = new HashSet<>();
      boolean writesSlot = false;
      AbstractInsnNode first = null;
      NaturalLoop loop = f.loops().get(k);
      CountedLoop shape = d.shape();
      BitSet body = loop.body();
      for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
        AbstractInsnNode x = f.method().instructions.get(i);
        if ((!ArrayOperands.isLoad(x) && !ArrayOperands.isStore(x)) || alignedArray(f, x, shape, oneD) == null) {
          continue;
        }
        FlatRows.RowAccess r = AlignedAccesses.rowAccess(f, x, shape);
        FlatRows.RowAccess kind = r == null ? new FlatRows.RowAccess(RowWidth.ELEMENTS, false) : r;
        int array = arrayOf(f, x);
        if (ArrayOperands.isStore(x)) {
          written.add(kind);
          writesSlot |= array == slot;
        } else if (array == slot) {
          read.add(kind);
          first = first == null ? x : first;
        }
      }
      if (written.size() == 1 && !writesSlot && first != null && !written.containsAll(read)) {
        return Decline.at(DeclineRule.READ_AS_OTHER_ROWS, first, k);
      }
    }
    return null;
  }

  private static int arrayOf(MethodFacts f, AbstractInsnNode access) {
    Set<AbstractInsnNode> array = accessOperand(f, access, ArrayOperands.isStore(access) ? 2 : 1);
    return array.size() == 1 && array.iterator().next() instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD
        ? v.var : -1;
  }
}

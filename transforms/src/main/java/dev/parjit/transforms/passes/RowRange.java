package dev.parjit.transforms.passes;

import dev.parjit.analysis.plan.RowWidth;
import dev.parjit.transforms.RowArrays;
import dev.parjit.transforms.RuntimeCalls;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The rank's range of a parallel loop over the rows of row-major 2-D data in 1-D arrays
 * ({@code a[k * i + c]}, the array allocated or re-split in blocks of whole rows): it runs the rows it owns of the
 * loop's first array, and its accesses shift by the array's first element on this rank (the
 * translation {@link LoopChunkingPass} applies to every aligned access).
 */
final class RowRange {

  private RowRange() { }

  /**
   * Sets {@code start} to this rank's first owned element of {@code array}, {@code firstRow} to the
   * first row it runs and {@code end} (on entry the loop's bound) to one past the last; {@code lo}
   * holds the loop's first index.
   */
  static InsnList preheader(int array, RowWidth width, int lo, int end, int start, int firstRow) {
    InsnList pre = new InsnList();
    pre.add(new VarInsnNode(Opcodes.ALOAD, array));
    pre.add(RuntimeCalls.owned("ownedStart"));
    pre.add(new VarInsnNode(Opcodes.ISTORE, start));
    for (String bound : new String[] {"rowsStart", "rowsEnd"}) {
      pre.add(new VarInsnNode(Opcodes.ALOAD, array));
      pre.add(RowArrays.loadWidth(width));
      pre.add(new VarInsnNode(Opcodes.ILOAD, lo));
      pre.add(new VarInsnNode(Opcodes.ILOAD, end));
      pre.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeCalls.OWNER, bound, "(Ljava/lang/Object;III)I", false));
      pre.add(new VarInsnNode(Opcodes.ISTORE, bound.equals("rowsStart") ? firstRow : end));
    }
    return pre;
  }
}

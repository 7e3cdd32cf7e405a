package dev.parjit.analysis;

import dev.parjit.analysis.dataflow.Consumers;
import dev.parjit.analysis.loops.Insns;
import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.CountedLoop;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Recognises the nonzero reads of a CSR row loop: inside a parallel loop over rows {@code i}, an
 * inner loop {@code for (k = rowptr[i]; k < rowptr[i + 1]; k++)} reading {@code val[k]},
 * {@code col[k]}. Such an array may stay split (in blocks of its own length, as any 1D array): each
 * rank fetches the part of {@code [rowptr[first row], rowptr[last row + 1])} other ranks hold before
 * the row loop, as it fetches a stencil's halo, so a worker receives about its share of the
 * nonzeros instead of all of them. The row pointer itself is read at {@code i} and {@code i + 1}: a
 * halo of one ({@link StencilIndex}).
 */
final class CsrSegments {

  /** {@code array[k]} with {@code k} running from {@code rowptr[i]} to {@code rowptr[i + 1]}. */
  record SegmentRead(AbstractInsnNode load, int arraySlot, int rowPointerSlot) { }

  private CsrSegments() { }

  /**
   * The segment read {@code access} performs inside the parallel row loop {@code rows} (shape
   * {@code rowShape}), or {@code null}. The array is not written anywhere in the row loop.
   */
  static SegmentRead of(MethodNode method, Consumers c, List<NaturalLoop> loops, NaturalLoop rows, CountedLoop rowShape,
      AbstractInsnNode access) {
    int op = access.getOpcode();
    if (rowShape == null || !rowShape.indexType().equals("I") || (op != Opcodes.IALOAD && op != Opcodes.LALOAD
        && op != Opcodes.FALOAD && op != Opcodes.DALOAD)) {
      return null;
    }
    Integer array = loadedSlot(c.operand(access, 1));
    Integer index = single(c.operand(access, 0)) instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD ? v.var : null;
    if (array == null || index == null) {
      return null;
    }
    int at = method.instructions.indexOf(access);
    for (NaturalLoop inner : loops) {
      if (inner == rows || !inner.body().get(at) || !inner.isInside(rows)) {
        continue;
      }
      // CountedLoopMatcher refuses a bound read from an array; this one is rowptr[i + 1], which the
      // row loop does not write (it reads it at i + 1), so it is invariant in the inner loop.
      AbstractInsnNode[] k = innerShape(method, inner, index);
      if (k == null) {
        continue;
      }
      Integer from = rowPointerRead(c, single(c.operand(k[0], 0)), rowShape.indexSlot(), 0);
      Integer to = rowPointerRead(c, single(c.operand(k[1], 0)), rowShape.indexSlot(), 1);
      if (from != null && from.equals(to) && from != (int) array && !writes(method, rows, array, c)) {
        return new SegmentRead(access, array, from);
      }
    }
    return null;
  }

  /**
   * javac's {@code for (k = a; k < b; k++)} as the natural loop {@code loop} over the int local
   * {@code k}: its initialising {@code ISTORE} and its exit jump ({@code IF_ICMPGE}, whose top
   * operand is the bound), or {@code null}. {@code k} is advanced only by {@code IINC k 1}.
   */
  private static AbstractInsnNode[] innerShape(MethodNode method, NaturalLoop loop, int k) {
    InsnList insns = method.instructions;
    if (!(insns.get(loop.header()) instanceof LabelNode header)) {
      return null;
    }
    AbstractInsnNode load = Insns.realFrom(header);
    AbstractInsnNode init = Insns.realBefore(header);
    if (!(load instanceof VarInsnNode l) || l.getOpcode() != Opcodes.ILOAD || l.var != k
        || !(init instanceof VarInsnNode st) || st.getOpcode() != Opcodes.ISTORE || st.var != k) {
      return null;
    }
    AbstractInsnNode jump = load.getNext();
    while (jump != null && !(jump instanceof JumpInsnNode)) {
      if (jump instanceof LabelNode) {
        return null;
      }
      jump = jump.getNext();
    }
    if (jump == null || jump.getOpcode() != Opcodes.IF_ICMPGE || loop.body().get(insns.indexOf(((JumpInsnNode) jump).label))) {
      return null;
    }
    int stores = 0;
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      AbstractInsnNode x = insns.get(i);
      if (x instanceof IincInsnNode inc && inc.var == k) {
        stores += inc.incr == 1 ? 1 : 2;
      } else if (x instanceof VarInsnNode v && v.var == k && v.getOpcode() >= Opcodes.ISTORE
          && v.getOpcode() <= Opcodes.ASTORE) {
        stores += 2;
      }
    }
    return stores == 1 ? new AbstractInsnNode[] {init, jump} : null;
  }

  /** The slot of {@code rowptr} when {@code x} is {@code rowptr[i + offset]} of an int array, else {@code null}. */
  private static Integer rowPointerRead(Consumers c, AbstractInsnNode x, int rowIndex, int offset) {
    if (x == null || x.getOpcode() != Opcodes.IALOAD) {
      return null;
    }
    StencilIndex.Offset i = StencilIndex.of(c.operand(x, 0), rowIndex, c);
    return i != null && i.offset() == offset ? loadedSlot(c.operand(x, 1)) : null;
  }

  private static boolean writes(MethodNode method, NaturalLoop loop, int slot, Consumers c) {
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      AbstractInsnNode x = method.instructions.get(i);
      if (x.getOpcode() >= Opcodes.IASTORE && x.getOpcode() <= Opcodes.SASTORE) {
        AbstractInsnNode a = single(c.operand(x, 2));
        if (a != null && a.getOpcode() == Opcodes.DUP2) {
          a = single(c.operand(a, 1));
        }
        if (a instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && v.var == slot) {
          return true;
        }
      }
    }
    return false;
  }

  private static Integer loadedSlot(Set<AbstractInsnNode> producers) {
    return single(producers) instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD ? v.var : null;
  }

  private static AbstractInsnNode single(Set<AbstractInsnNode> s) {
    return s.size() == 1 ? s.iterator().next() : null;
  }
}

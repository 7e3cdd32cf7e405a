package dev.parjit.analysis;

import dev.parjit.analysis.dataflow.Consumers;
import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.ReductionOp;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Recognises a scalar reduction on one local slot in a loop: every update is
 * {@code s = s OP e} (or {@code e OP s} for commutative operators, {@code s - e} as a sum,
 * {@code s = Math.min/max(s, e)}, {@code s += c} as IINC) with one operator throughout, and
 * {@code s} is read nowhere else in the loop.
 */
final class ReductionMatcher {

  /** A recognised reduction: the operator and the slot's JVM type. */
  record Match(ReductionOp op, String type) { }

  private ReductionMatcher() { }

  /** The reduction on {@code slot}, or {@code null} when the slot is not a reduction. */
  static Match match(MethodNode method, NaturalLoop loop, int slot, Consumers consumers) {
    ReductionOp op = null;
    String type = null;
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      AbstractInsnNode x = method.instructions.get(i);
      if (x instanceof IincInsnNode inc && inc.var == slot) {
        op = same(op, ReductionOp.SUM);
        type = sameType(type, "I");
        if (op == null || type == null) {
          return null;
        }
      } else if (x instanceof VarInsnNode v && v.var == slot) {
        int opc = v.getOpcode();
        if (opc >= Opcodes.ISTORE && opc <= Opcodes.DSTORE) {
          Set<AbstractInsnNode> values = consumers.operand(v, 0);
          if (values.size() != 1) {
            return null;
          }
          ReductionOp found = updateOp(values.iterator().next(), slot, consumers);
          op = same(op, found);
          type = sameType(type, "IJFD".substring(opc - Opcodes.ISTORE, opc - Opcodes.ISTORE + 1));
          if (op == null || type == null) {
            return null;
          }
        } else if (opc >= Opcodes.ILOAD && opc <= Opcodes.DLOAD) {
          // Every read must feed an update of the same slot, checked by the store's side:
          Set<AbstractInsnNode> uses = consumers.of(v);
          if (uses.size() != 1 || !feedsStoreOf(uses.iterator().next(), slot, consumers)) {
            return null;
          }
        } else {
          return null;
        }
      }
    }
    return op == null ? null : new Match(op, type);
  }

  private static ReductionOp same(ReductionOp a, ReductionOp b) {
    if (b == null) {
      return null;
    }
    return a == null || a == b ? b : null;
  }

  private static String sameType(String a, String b) {
    return a == null || a.equals(b) ? b : null;
  }

  private static boolean feedsStoreOf(AbstractInsnNode opInsn, int slot, Consumers consumers) {
    Set<AbstractInsnNode> uses = consumers.of(opInsn);
    return uses.size() == 1 && uses.iterator().next() instanceof VarInsnNode st && st.var == slot
        && st.getOpcode() >= Opcodes.ISTORE && st.getOpcode() <= Opcodes.DSTORE;
  }

  /** The operator of the value stored back into {@code slot}, or {@code null}. */
  private static ReductionOp updateOp(AbstractInsnNode value, int slot, Consumers consumers) {
    boolean leftIsSlot = isLoadOf(consumers.operand(value, 1), slot);
    boolean rightIsSlot = isLoadOf(consumers.operand(value, 0), slot);
    if (leftIsSlot == rightIsSlot) {
      return null; // neither operand, or both, is the accumulator
    }
    if (value instanceof MethodInsnNode m && m.owner.equals("java/lang/Math") && m.getOpcode() == Opcodes.INVOKESTATIC) {
      return m.name.equals("min") ? ReductionOp.MIN : m.name.equals("max") ? ReductionOp.MAX : null;
    }
    int op = value.getOpcode();
    if (op >= Opcodes.IADD && op <= Opcodes.DADD) {
      return ReductionOp.SUM;
    }
    if (op >= Opcodes.ISUB && op <= Opcodes.DSUB) {
      return leftIsSlot ? ReductionOp.SUM : null; // s - e is s + (-e); e - s is not a reduction
    }
    if (op >= Opcodes.IMUL && op <= Opcodes.DMUL) {
      return ReductionOp.PROD;
    }
    switch (op) {
      case Opcodes.IAND: case Opcodes.LAND: return ReductionOp.BAND;
      case Opcodes.IOR: case Opcodes.LOR: return ReductionOp.BOR;
      case Opcodes.IXOR: case Opcodes.LXOR: return ReductionOp.BXOR;
      default: return null;
    }
  }

  private static boolean isLoadOf(Set<AbstractInsnNode> producers, int slot) {
    return producers.size() == 1 && producers.iterator().next() instanceof VarInsnNode v && v.var == slot
        && v.getOpcode() >= Opcodes.ILOAD && v.getOpcode() <= Opcodes.DLOAD;
  }
}

package dev.parjit.analysis.dataflow;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/** How many stack values (not words) an instruction pops. */
final class StackEffects {

  private StackEffects() { }

  static int popped(AbstractInsnNode insn, Frame<SourceValue> before) {
    int op = insn.getOpcode();
    if (insn instanceof MethodInsnNode m) {
      return Type.getArgumentTypes(m.desc).length + (op == Opcodes.INVOKESTATIC ? 0 : 1);
    }
    if (insn instanceof InvokeDynamicInsnNode d) {
      return Type.getArgumentTypes(d.desc).length;
    }
    if (insn instanceof FieldInsnNode) {
      switch (op) {
        case Opcodes.GETSTATIC: return 0;
        case Opcodes.PUTSTATIC: case Opcodes.GETFIELD: return 1;
        default: return 2;
      }
    }
    if (insn instanceof MultiANewArrayInsnNode m) {
      return m.dims;
    }
    switch (op) {
      case Opcodes.IALOAD: case Opcodes.LALOAD: case Opcodes.FALOAD: case Opcodes.DALOAD:
      case Opcodes.AALOAD: case Opcodes.BALOAD: case Opcodes.CALOAD: case Opcodes.SALOAD:
        return 2;
      case Opcodes.IASTORE: case Opcodes.LASTORE: case Opcodes.FASTORE: case Opcodes.DASTORE:
      case Opcodes.AASTORE: case Opcodes.BASTORE: case Opcodes.CASTORE: case Opcodes.SASTORE:
        return 3;
      case Opcodes.ISTORE: case Opcodes.LSTORE: case Opcodes.FSTORE: case Opcodes.DSTORE: case Opcodes.ASTORE:
      case Opcodes.POP: case Opcodes.IFEQ: case Opcodes.IFNE: case Opcodes.IFLT: case Opcodes.IFGE:
      case Opcodes.IFGT: case Opcodes.IFLE: case Opcodes.IFNULL: case Opcodes.IFNONNULL:
      case Opcodes.TABLESWITCH: case Opcodes.LOOKUPSWITCH: case Opcodes.IRETURN: case Opcodes.LRETURN:
      case Opcodes.FRETURN: case Opcodes.DRETURN: case Opcodes.ARETURN: case Opcodes.ATHROW:
      case Opcodes.ARRAYLENGTH: case Opcodes.NEWARRAY: case Opcodes.ANEWARRAY: case Opcodes.CHECKCAST:
      case Opcodes.INSTANCEOF: case Opcodes.MONITORENTER: case Opcodes.MONITOREXIT:
      case Opcodes.INEG: case Opcodes.LNEG: case Opcodes.FNEG: case Opcodes.DNEG:
        return 1;
      case Opcodes.POP2:
      case Opcodes.DUP2:
        return before.getStack(before.getStackSize() - 1).getSize() == 2 ? 1 : 2;
      case Opcodes.DUP:
        return 1;
      case Opcodes.DUP_X1:
      case Opcodes.SWAP:
        return 2;
      case Opcodes.DUP_X2:
        return before.getStack(before.getStackSize() - 2).getSize() == 2 ? 2 : 3;
      default:
        break;
    }
    if (op >= Opcodes.I2L && op <= Opcodes.I2S) {
      return 1;
    }
    if ((op >= Opcodes.IADD && op <= Opcodes.DREM) || (op >= Opcodes.ISHL && op <= Opcodes.LXOR)
        || (op >= Opcodes.LCMP && op <= Opcodes.DCMPG) || (op >= Opcodes.IF_ICMPEQ && op <= Opcodes.IF_ACMPNE)) {
      return 2;
    }
    return 0; // loads, constants; DUP2_X1/DUP2_X2 are not modelled (their inputs then have no consumer)
  }
}

package dev.parjit.analysis.loops;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The stack arithmetic of a loop condition's bound: the instructions between the index load and
 * the compare must push the bound by themselves. {@code i + 1 < n} compiles to
 * {@code iload i; iconst_1; iadd; iload n}: the {@code iadd} takes the index, so what follows the
 * index is not a bound that can be evaluated on its own before the loop.
 */
final class BoundStack {

  private BoundStack() { }

  /** Whether evaluating {@code insns} on an empty stack leaves exactly one value and never underflows. */
  static boolean pushesOneValue(List<AbstractInsnNode> insns) {
    int depth = 0;
    for (AbstractInsnNode x : insns) {
      if (x instanceof MethodInsnNode m) {
        // a pure call (df.numRows(), Math.min(a, b)): its arguments and receiver, then its result
        depth -= Type.getArgumentTypes(m.desc).length + (m.getOpcode() == Opcodes.INVOKESTATIC ? 0 : 1);
        if (depth < 0) {
          return false;
        }
        depth += Type.getReturnType(m.desc) == Type.VOID_TYPE ? 0 : 1;
        continue;
      }
      depth -= popped(x.getOpcode());
      if (depth < 0) {
        return false;
      }
      depth++; // every other invariant, pure bound instruction pushes one value
    }
    return depth == 1;
  }

  /** The int constant {@code x} pushes, or {@code null}. */
  static Integer intConstant(AbstractInsnNode x) {
    int op = x.getOpcode();
    if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) {
      return op - Opcodes.ICONST_0;
    }
    if (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) {
      return ((IntInsnNode) x).operand;
    }
    if (x instanceof LdcInsnNode l && l.cst instanceof Integer i) {
      return i;
    }
    return null;
  }

  private static int popped(int op) {
    if ((op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) || (op >= Opcodes.IADD && op <= Opcodes.DREM)
        || (op >= Opcodes.ISHL && op <= Opcodes.LXOR)) {
      return 2;
    }
    if (op == Opcodes.GETFIELD || op == Opcodes.ARRAYLENGTH || (op >= Opcodes.INEG && op <= Opcodes.DNEG)
        || (op >= Opcodes.I2L && op <= Opcodes.I2S)) {
      return 1;
    }
    return 0;
  }
}

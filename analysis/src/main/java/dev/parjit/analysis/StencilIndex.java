package dev.parjit.analysis;

import dev.parjit.analysis.dataflow.Consumers;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Recognises the index of a stencil read: {@code i + c} or {@code i - c} (also {@code c + i}) for
 * a loop index {@code i} and an int constant {@code c}, as javac compiles it
 * ({@code ILOAD i; const; IADD|ISUB}). Independent of how the loop's bounds were matched: it only
 * looks at the index expression of one access.
 */
final class StencilIndex {

  /** An index {@code i + offset}; {@code producer} is the instruction that pushes it. */
  record Offset(int offset, AbstractInsnNode producer) { }

  private StencilIndex() { }

  /**
   * The offset of the index producers {@code index} (of one access) from the int local
   * {@code indexSlot}: 0 for {@code i} itself, {@code c} for {@code i + c}; {@code null} for
   * anything else.
   */
  static Offset of(Set<AbstractInsnNode> index, int indexSlot, Consumers c) {
    if (index.size() != 1) {
      return null;
    }
    AbstractInsnNode x = index.iterator().next();
    if (isIndexLoad(x, indexSlot)) {
      return new Offset(0, x);
    }
    int op = x.getOpcode();
    if (op != Opcodes.IADD && op != Opcodes.ISUB) {
      return null;
    }
    AbstractInsnNode left = single(c.operand(x, 1));
    AbstractInsnNode right = single(c.operand(x, 0));
    Integer k = constant(right);
    if (isIndexLoad(left, indexSlot) && k != null) {
      return new Offset(op == Opcodes.IADD ? k : -k, x);
    }
    k = constant(left);
    if (op == Opcodes.IADD && k != null && isIndexLoad(right, indexSlot)) {
      return new Offset(k, x);
    }
    return null;
  }

  private static boolean isIndexLoad(AbstractInsnNode x, int slot) {
    return x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD && v.var == slot;
  }

  /** The value of an int constant instruction, or {@code null}. */
  static Integer constant(AbstractInsnNode x) {
    if (x == null) {
      return null;
    }
    int op = x.getOpcode();
    if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) {
      return op - Opcodes.ICONST_0;
    }
    if (x instanceof IntInsnNode n && (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH)) {
      return n.operand;
    }
    return x instanceof LdcInsnNode ldc && ldc.cst instanceof Integer v ? v : null;
  }

  private static AbstractInsnNode single(Set<AbstractInsnNode> s) {
    return s.size() == 1 ? s.iterator().next() : null;
  }
}

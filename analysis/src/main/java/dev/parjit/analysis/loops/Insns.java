package dev.parjit.analysis.loops;

import org.objectweb.asm.tree.AbstractInsnNode;

/** Walking instruction lists while skipping labels, line numbers and frames. */
public final class Insns {

  private Insns() { }

  /** The first real instruction at or after {@code insn}. */
  public static AbstractInsnNode realFrom(AbstractInsnNode insn) {
    AbstractInsnNode x = insn;
    while (x != null && x.getOpcode() < 0) {
      x = x.getNext();
    }
    return x;
  }

  /** The last real instruction before {@code insn}. */
  public static AbstractInsnNode realBefore(AbstractInsnNode insn) {
    AbstractInsnNode x = insn.getPrevious();
    while (x != null && x.getOpcode() < 0) {
      x = x.getPrevious();
    }
    return x;
  }
}

package dev.parjit.analysis;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;

/** Source lines of instructions, for reasons shown to users. */
public final class LineTable {

  /** The source line of {@code insn}, or -1 when the class has no line numbers. */
  public static int line(AbstractInsnNode insn) {
    for (AbstractInsnNode x = insn; x != null; x = x.getPrevious()) {
      if (x instanceof LineNumberNode ln) {
        return ln.line;
      }
    }
    return -1;
  }

  /** {@code " at line N"}, or empty without line numbers. */
  String at(AbstractInsnNode insn) {
    int line = line(insn);
    return line < 0 ? "" : " at line " + line;
  }
}

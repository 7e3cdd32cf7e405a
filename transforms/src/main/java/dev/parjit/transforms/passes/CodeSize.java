package dev.parjit.transforms.passes;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * An upper bound of the bytes a run of instructions takes in a class file, before it is written.
 * A pass that copies code asks it first: HotSpot does not compile a method of more than 8,000 bytes
 * of bytecode ({@code -XX:-DontCompileHugeMethods} aside), and such a method would run interpreted
 * for ever, far slower than the copy could ever gain.
 */
final class CodeSize {

  /** HotSpot's {@code HugeMethodLimit}: larger methods are never compiled by default. */
  static final int HUGE_METHOD_LIMIT = 8000;

  private CodeSize() { }

  /** Bytes of the instructions from {@code first} to {@code last} inclusive (each counted at its widest). */
  static int of(AbstractInsnNode first, AbstractInsnNode last) {
    int bytes = 0;
    for (AbstractInsnNode x = first; x != null; x = x.getNext()) {
      bytes += of(x);
      if (x == last) {
        break;
      }
    }
    return bytes;
  }

  /** Bytes of a whole instruction list. */
  static int of(InsnList insns) {
    return insns.size() == 0 ? 0 : of(insns.getFirst(), insns.getLast());
  }

  private static int of(AbstractInsnNode x) {
    int op = x.getOpcode();
    if (op < 0) {
      return 0; // labels, line numbers, frames
    }
    if (x instanceof TableSwitchInsnNode t) {
      return 16 + 4 * t.labels.size();
    }
    if (x instanceof LookupSwitchInsnNode l) {
      return 12 + 8 * l.labels.size();
    }
    if (x instanceof VarInsnNode v) {
      return v.var > 255 ? 4 : 2;
    }
    if (x instanceof IincInsnNode) {
      return 6; // wide form at most
    }
    if (x instanceof IntInsnNode) {
      return 3;
    }
    if (x instanceof MethodInsnNode m) {
      return m.getOpcode() == Opcodes.INVOKEINTERFACE ? 5 : 3;
    }
    switch (x.getType()) {
      case AbstractInsnNode.JUMP_INSN: return 8; // a far jump may be rewritten as an inverted jump and goto_w
      case AbstractInsnNode.INVOKE_DYNAMIC_INSN: return 5;
      case AbstractInsnNode.MULTIANEWARRAY_INSN: return 4;
      case AbstractInsnNode.INSN: return 1;
      default: return 3; // ldc_w, field, type instructions
    }
  }
}

package dev.parjit.analysis;

import dev.parjit.analysis.dataflow.Consumers;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;

/** The producers of an array access's operands, seen through javac's {@code dup2} of {@code a[i] op= e}. */
final class ArrayOperands {

  private ArrayOperands() { }

  /** Depth 0 is the index of a load (the value of a store), 1 the array of a load (the index of a store), ... */
  static Set<AbstractInsnNode> of(Consumers consumers, AbstractInsnNode access, int depth) {
    Set<AbstractInsnNode> producers = consumers.operand(access, depth);
    if (producers.size() == 1 && producers.iterator().next().getOpcode() == Opcodes.DUP2) {
      AbstractInsnNode dup = producers.iterator().next();
      boolean isArray = depth == (isStore(access) ? 2 : 1);
      return consumers.operand(dup, isArray ? 1 : 0);
    }
    return producers;
  }

  /** The producers of the array an {@code xALOAD}/{@code xASTORE} reads or writes. */
  static Set<AbstractInsnNode> array(Consumers consumers, AbstractInsnNode access) {
    return of(consumers, access, isStore(access) ? 2 : 1);
  }

  static boolean isStore(AbstractInsnNode access) {
    return access.getOpcode() >= Opcodes.IASTORE && access.getOpcode() <= Opcodes.SASTORE;
  }

  static boolean isLoad(AbstractInsnNode access) {
    return access.getOpcode() >= Opcodes.IALOAD && access.getOpcode() <= Opcodes.SALOAD;
  }
}

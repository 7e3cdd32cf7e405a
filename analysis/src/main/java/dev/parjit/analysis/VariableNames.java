package dev.parjit.analysis;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/** Source names of local slots from the LocalVariableTable, {@code slotN} without debug info. */
public final class VariableNames {

  private VariableNames() { }

  public static String at(MethodNode method, int slot, AbstractInsnNode where) {
    if (method.localVariables != null) {
      int at = method.instructions.indexOf(where);
      for (LocalVariableNode v : method.localVariables) {
        if (v.index == slot && method.instructions.indexOf(v.start) <= at + 1 && at <= method.instructions.indexOf(v.end)) {
          return v.name;
        }
      }
    }
    return "slot" + slot;
  }
}

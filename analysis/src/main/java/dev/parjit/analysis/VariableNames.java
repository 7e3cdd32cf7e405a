package dev.parjit.analysis;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Source names of local slots: from the LocalVariableTable ({@code javac -g}), else parameters from
 * the MethodParameters attribute ({@code javac -parameters}), else {@code slotN}.
 */
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
    if (method.parameters != null) {
      // Compiled with -parameters but not -g: the parameters' names, by the slots they arrive in.
      int s = (method.access & org.objectweb.asm.Opcodes.ACC_STATIC) != 0 ? 0 : 1;
      org.objectweb.asm.Type[] args = org.objectweb.asm.Type.getArgumentTypes(method.desc);
      for (int k = 0; k < args.length && k < method.parameters.size(); k++) {
        if (s == slot && method.parameters.get(k).name != null) {
          return method.parameters.get(k).name;
        }
        s += args[k].getSize();
      }
    }
    return "slot" + slot;
  }
}

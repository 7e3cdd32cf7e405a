package dev.parjit.analysis;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Straight-line code that only builds a JDK exception from constants and locals and throws it: the
 * exit a loop may take when it checks its input ({@code if (bad) throw new IllegalStateException("bad " + i)}).
 * Such a path reads no array and calls nothing with effects, so a chunked loop runs it unchanged on
 * the rank that meets it.
 */
final class ThrowPaths {

  private ThrowPaths() { }

  /** Whether the code from instruction {@code start} only makes a JDK exception and throws it. */
  static boolean only(MethodNode method, int start) {
    return only(method, start, new java.util.BitSet());
  }

  /**
   * As {@link #only(MethodNode, int)}, reading none of the locals {@code carried}: the values a loop
   * carries from one iteration to the next (a sum so far) hold only the rank's share in a chunked
   * loop, so a message built from one would not be the sequential message.
   */
  static boolean only(MethodNode method, int start, java.util.BitSet carried) {
    for (int i = start; i < method.instructions.size(); i++) {
      AbstractInsnNode x = method.instructions.get(i);
      int op = x.getOpcode();
      if (op < 0) {
        continue; // labels, line numbers, frames
      }
      if (op == Opcodes.ATHROW) {
        return true;
      }
      if (!harmless(x) || (x instanceof org.objectweb.asm.tree.VarInsnNode v && carried.get(v.var))) {
        return false;
      }
    }
    return false;
  }

  private static boolean harmless(AbstractInsnNode x) {
    int op = x.getOpcode();
    if (x instanceof TypeInsnNode t) {
      return op == Opcodes.NEW && isJdkThrowable(t.desc);
    }
    if (x instanceof MethodInsnNode m) {
      return (m.name.equals("<init>") && isJdkThrowable(m.owner))
          || (m.owner.equals("java/lang/String") && m.name.equals("valueOf"));
    }
    if (x instanceof InvokeDynamicInsnNode indy) {
      return "java/lang/invoke/StringConcatFactory".equals(indy.bsm.getOwner());
    }
    return op == Opcodes.DUP || op == Opcodes.LDC || (op >= Opcodes.ACONST_NULL && op <= Opcodes.SIPUSH)
        || (op >= Opcodes.ILOAD && op <= Opcodes.DLOAD) || (op >= Opcodes.I2L && op <= Opcodes.I2S);
  }

  /** The JDK's exception types, by their naming convention in {@code java.lang} and {@code java.util}. */
  static boolean isJdkThrowable(String internalName) {
    return (internalName.startsWith("java/lang/") || internalName.startsWith("java/util/"))
        && (internalName.endsWith("Exception") || internalName.endsWith("Error"));
  }
}

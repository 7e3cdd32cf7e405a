package dev.parjit.transforms.passes;

import dev.parjit.analysis.plan.ArrayAccess;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Keeps the JVM's helpful {@code NullPointerException} message of a null row read in a parallel loop
 * the sequential one. The JVM describes a null that came from {@code g[i]} by the instructions that
 * pushed the array and the index ({@code because "g[i]" is null}); once the index is translated to the
 * rank's local one it would name the translation instead ({@code "g[...]"}, or
 * {@code "g[dev.parjit.runtime.ParallelRuntime.checkIndex(int, int, int)]"}). So a row load whose index
 * was one variable's value reads its local index from that same variable: the variable takes the local
 * index just for the load and gets its own value back right after it. Nothing branches and no value the
 * program sees changes (the JIT compilers see the same values, so the loop compiles alike); only the
 * instruction the message is computed from is the original's again, with or without a local variable
 * table ({@code <local3>} names the same slot).
 */
final class RowIndexNames {

  private RowIndexNames() { }

  /**
   * Rewrites {@code access} (already translated: the local index is on the stack just before it) when it
   * loads a row at an index the original code took from one local variable; other accesses are left alone
   * (their messages name no index, or {@code [...]} in both runs).
   */
  static void keepName(MethodNode method, ArrayAccess access) {
    if (access.access().getOpcode() != Opcodes.AALOAD
        || !(access.indexProducer() instanceof VarInsnNode load) || load.getOpcode() != Opcodes.ILOAD) {
      return;
    }
    int saved = method.maxLocals;
    method.maxLocals += 1;
    InsnList before = new InsnList();
    before.add(new VarInsnNode(Opcodes.ILOAD, load.var));
    before.add(new VarInsnNode(Opcodes.ISTORE, saved));
    before.add(new VarInsnNode(Opcodes.ISTORE, load.var));
    before.add(new VarInsnNode(Opcodes.ILOAD, load.var));
    method.instructions.insertBefore(access.access(), before);
    InsnList after = new InsnList();
    after.add(new VarInsnNode(Opcodes.ILOAD, saved));
    after.add(new VarInsnNode(Opcodes.ISTORE, load.var));
    method.instructions.insert(access.access(), after);
  }
}

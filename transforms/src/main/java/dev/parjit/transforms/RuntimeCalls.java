package dev.parjit.transforms;

import dev.parjit.analysis.plan.ReductionOp;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The calls rewritten code makes into {@code dev.parjit.runtime.ParallelRuntime}, by name and
 * descriptor (docs/internals.md). One place, checked against the real class by a test.
 */
public final class RuntimeCalls {

  /** Internal name of the runtime class. */
  public static final String OWNER = "dev/parjit/runtime/ParallelRuntime";

  private RuntimeCalls() { }

  /** {@code blockStart}/{@code blockEnd} for an index of type {@code t} ({@code I} or {@code J}). */
  public static MethodInsnNode block(String name, String t) {
    return call(name, "(" + t + t + ")" + t);
  }

  /** {@code alignUp(s, lo, step)}. */
  public static MethodInsnNode alignUp(String t) {
    return call("alignUp", "(" + t + t + t + ")" + t);
  }

  /** {@code reduceInit(v, op)} or {@code allreduce(v, op)} for a slot of type {@code t}. */
  public static MethodInsnNode reduction(String name, String t) {
    return call(name, "(" + t + "I)" + t);
  }

  private static MethodInsnNode call(String name, String desc) {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, OWNER, name, desc, false);
  }

  /** Pushes the operator code ({@code ReductionOp.ordinal()}). */
  public static AbstractInsnNode opCode(ReductionOp op) {
    int v = op.ordinal();
    return v <= 5 ? new InsnNode(Opcodes.ICONST_0 + v) : new IntInsnNode(Opcodes.BIPUSH, v);
  }
}

package dev.parjit.analysis;

import dev.parjit.analysis.loops.NaturalLoop;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Whether the instructions of a loop body may run on a subset of the iterations on each rank:
 * no writes to array elements or fields, no locks, and calls only to code known to be free of
 * side effects (Math, boxing, the floating-point tests of Double and Float, printing — prints run on
 * every rank as in Bodo — and this class's
 * static, private or final helpers that are themselves safe).
 */
final class LoopSafety {

  private static final Set<String> BOXES = Set.of("java/lang/Integer", "java/lang/Long", "java/lang/Double",
      "java/lang/Float", "java/lang/Boolean", "java/lang/Short", "java/lang/Byte", "java/lang/Character");
  /**
   * Static methods of {@code Double} and {@code Float} that only look at their arguments' bits: a
   * row loop testing {@code Double.isNaN(v)} once stayed sequential, and each read of a distributed
   * series in it became a collective.
   */
  private static final Set<String> FLOAT_TESTS = Set.of("isNaN", "isInfinite", "isFinite", "compare",
      "doubleToLongBits", "doubleToRawLongBits", "longBitsToDouble", "floatToIntBits", "floatToRawIntBits",
      "intBitsToFloat");
  private static final int HELPER_DEPTH = 3;

  private final ClassNode owner;
  private final dev.parjit.analysis.lattice.CallModel calls;

  LoopSafety(ClassNode owner, dev.parjit.analysis.lattice.CallModel calls) {
    this.owner = owner;
    this.calls = calls;
  }

  /** The class whose helpers the loops may call. */
  ClassNode owner() {
    return owner;
  }

  /** {@code null} when every instruction is safe, else the decline for the first that is not, at its line. */
  Decline check(MethodNode method, NaturalLoop loop, java.util.function.Predicate<AbstractInsnNode> allowedStore) {
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      AbstractInsnNode x = method.instructions.get(i);
      if (x.getOpcode() >= Opcodes.IASTORE && x.getOpcode() <= Opcodes.SASTORE && allowedStore.test(x)) {
        continue;
      }
      String problem = problem(x, HELPER_DEPTH);
      if (problem != null) {
        return Decline.at(DeclineRule.UNSAFE_BODY, x, problem);
      }
    }
    return null;
  }

  private String problem(AbstractInsnNode x, int depth) {
    int op = x.getOpcode();
    if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
      return "writes into an array that is not distributed with the loop";
    }
    if (op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC) {
      return "writes a field";
    }
    if (op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT) {
      return "takes a lock";
    }
    if (x instanceof InvokeDynamicInsnNode indy) {
      return "java/lang/invoke/StringConcatFactory".equals(indy.bsm.getOwner()) ? null : "creates a lambda";
    }
    if (x instanceof MethodInsnNode m) {
      return callProblem(m, depth);
    }
    return null;
  }

  /** Static calls, and instance calls that cannot reach an override (checked against the helper). */
  private static boolean exactTarget(MethodInsnNode m) {
    return m.getOpcode() == Opcodes.INVOKESTATIC || m.getOpcode() == Opcodes.INVOKESPECIAL
        || m.getOpcode() == Opcodes.INVOKEVIRTUAL;
  }

  private String callProblem(MethodInsnNode m, int depth) {
    if (m.getOpcode() == Opcodes.INVOKESTATIC
        && (m.owner.equals("java/lang/Math") || m.owner.equals("java/lang/StrictMath"))) {
      return null;
    }
    if (BOXES.contains(m.owner) && (m.name.equals("valueOf") || m.name.endsWith("Value"))) {
      return null;
    }
    if (m.getOpcode() == Opcodes.INVOKESTATIC && (m.owner.equals("java/lang/Double") || m.owner.equals("java/lang/Float"))
        && FLOAT_TESTS.contains(m.name)) {
      return null;
    }
    if (m.name.equals("<init>") && ThrowPaths.isJdkThrowable(m.owner)) {
      return null; // making the exception a throw in the loop raises
    }
    if (m.owner.equals("java/io/PrintStream") && m.name.startsWith("print")) {
      return null;
    }
    if (FrameReads.isElementRead(m) || FrameReads.isSizeRead(m)) {
      return null; // frames are immutable; reads of distributed ones are checked by the analyzer
    }
    if (calls.isJitMember(m)) {
      // Compiled too, with collectives: ranks running different numbers of iterations would call
      // it different numbers of times (a hang), or combine the partial results of different calls.
      return "calls the @Jit method " + m.name + ", whose collectives every rank must reach alike";
    }
    if (m.owner.equals(owner.name) && depth > 0 && exactTarget(m)) {
      for (MethodNode helper : owner.methods) {
        if (helper.name.equals(m.name) && helper.desc.equals(m.desc)
            && (m.getOpcode() == Opcodes.INVOKESTATIC || (helper.access & Opcodes.ACC_PRIVATE) != 0
                || (helper.access & Opcodes.ACC_FINAL) != 0 || (owner.access & Opcodes.ACC_FINAL) != 0)) {
          for (AbstractInsnNode h : List.of(helper.instructions.toArray())) {
            String p = problem(h, depth - 1);
            if (p != null) {
              return "calls " + m.name + ", which " + p;
            }
          }
          return null;
        }
      }
    }
    return "calls " + m.owner.replace('/', '.') + "." + m.name + ", which Parjit does not know to be free of side effects";
  }
}

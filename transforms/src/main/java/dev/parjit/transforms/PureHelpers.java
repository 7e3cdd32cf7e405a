package dev.parjit.transforms;

import dev.parjit.analysis.dataflow.Consumers;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Instance helpers of a class that {@link FieldArrayLifting} may leave {@code this} to: a helper is
 * pure when it cannot run code of a subclass (private, final, or of a final class), assigns no
 * field or static and no array element, takes no lock, makes no lambda, reads only fields of
 * primitive type (never an array a lifted field holds, nor a reference that could lead to one), and
 * calls only the JDK, static helpers that assign no field, or pure helpers (followed transitively).
 * Such a helper sees the same values however often the lifted method calls it.
 */
final class PureHelpers {

  private PureHelpers() { }

  /** Whether every use of the {@code aload 0} {@code load} is as the receiver of a pure helper call. */
  static boolean onlyReceiverOfPureHelpers(ClassNode cls, AbstractInsnNode load, Consumers consumers) {
    Set<AbstractInsnNode> uses = consumers.of(load);
    if (uses.isEmpty()) {
      return false;
    }
    for (AbstractInsnNode use : uses) {
      if (!(use instanceof MethodInsnNode call) || call.getOpcode() == Opcodes.INVOKESTATIC
          || call.getOpcode() == Opcodes.INVOKEINTERFACE || !isPure(cls, call)
          || !consumers.operand(call, Type.getArgumentTypes(call.desc).length).contains(load)) {
        return false;
      }
      for (int k = 0; k < Type.getArgumentTypes(call.desc).length; k++) {
        if (consumers.operand(call, k).contains(load)) {
          return false; // this passed as an argument too
        }
      }
    }
    return true;
  }

  /** Whether {@code call} is an instance call to a pure helper of {@code cls}. */
  static boolean isPure(ClassNode cls, MethodInsnNode call) {
    return isPure(cls, call, new HashSet<>());
  }

  private static boolean isPure(ClassNode cls, MethodInsnNode call, Set<String> seen) {
    if (!call.owner.equals(cls.name) || call.getOpcode() == Opcodes.INVOKESTATIC
        || call.getOpcode() == Opcodes.INVOKEINTERFACE || call.name.equals("<init>")) {
      return false;
    }
    MethodNode helper = find(cls, call);
    if (helper == null || (helper.access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE
        | Opcodes.ACC_SYNCHRONIZED)) != 0) {
      return false;
    }
    boolean exact = (helper.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0
        || (cls.access & Opcodes.ACC_FINAL) != 0;
    if (!exact) {
      return false; // a subclass could override it
    }
    if (!seen.add(call.name + call.desc)) {
      return true; // already being checked (recursion)
    }
    for (AbstractInsnNode x : helper.instructions) {
      int op = x.getOpcode();
      if (op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC || op == Opcodes.MONITORENTER
          || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE)
          || (x instanceof InvokeDynamicInsnNode indy
              && !indy.bsm.getOwner().equals("java/lang/invoke/StringConcatFactory"))) {
        return false;
      }
      if (x instanceof FieldInsnNode f && (op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC)
          && Type.getType(f.desc).getSort() >= Type.ARRAY) {
        return false; // an array or object field: it may hold a lifted field's array
      }
      if (x instanceof MethodInsnNode m && !m.owner.startsWith("java/")
          && !(m.getOpcode() == Opcodes.INVOKESTATIC ? staticAssignsNothing(cls, m, seen) : isPure(cls, m, seen))) {
        return false;
      }
    }
    return true;
  }

  /** A static helper of {@code cls} that assigns no field and calls only the JDK or such helpers. */
  private static boolean staticAssignsNothing(ClassNode cls, MethodInsnNode call, Set<String> seen) {
    if (!call.owner.equals(cls.name)) {
      return false;
    }
    MethodNode helper = find(cls, call);
    if (helper == null || (helper.access & Opcodes.ACC_STATIC) == 0) {
      return false;
    }
    if (!seen.add(call.name + call.desc)) {
      return true;
    }
    for (AbstractInsnNode x : helper.instructions) {
      int op = x.getOpcode();
      if (op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC || op == Opcodes.MONITORENTER
          || (x instanceof FieldInsnNode f && (op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC)
              && Type.getType(f.desc).getSort() >= Type.ARRAY)
          || (x instanceof InvokeDynamicInsnNode indy
              && !indy.bsm.getOwner().equals("java/lang/invoke/StringConcatFactory"))
          || (x instanceof MethodInsnNode m && !m.owner.startsWith("java/")
              && !(m.getOpcode() == Opcodes.INVOKESTATIC ? staticAssignsNothing(cls, m, seen) : isPure(cls, m, seen)))) {
        return false;
      }
    }
    return true;
  }

  private static MethodNode find(ClassNode cls, MethodInsnNode call) {
    for (MethodNode m : cls.methods) {
      if (m.name.equals(call.name) && m.desc.equals(call.desc)) {
        return m;
      }
    }
    return null;
  }
}

package dev.parjit.transforms.passes;

import dev.parjit.analysis.plan.ArrayAccess;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.transforms.RuntimeCalls;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The sequential index check of a parallel loop's accesses the analysis could not prove inside their
 * array ({@link ArrayAccess#inRange()} false, e.g. {@code for (i = 0; i <= n; i++) a[i] = ...}): just
 * before the access, after its operands are evaluated as the JVM's own check is,
 * {@code ParallelRuntime.checkIndex(local, start, length)} compares the global index with the global
 * length and throws the sequential {@code ArrayIndexOutOfBoundsException}; the chunk's own check
 * would name the chunk's index and length. Accesses proven in range are left alone, so hot loops are
 * unchanged.
 */
final class IndexChecks {

  private IndexChecks() { }

  /**
   * Adds to the preheader the global length of each array with a checked access, one local per
   * array (read once per loop, as the loop's other preheader calls are); returns slot to local.
   */
  static Map<Integer, Integer> lengths(MethodNode method, LoopPlan loop, InsnList pre) {
    Map<Integer, Integer> out = new LinkedHashMap<>();
    for (ArrayAccess a : loop.accesses()) {
      if (!a.inRange() && !out.containsKey(a.arraySlot())) {
        int local = newLocal(method, Type.INT_TYPE);
        pre.add(new VarInsnNode(Opcodes.ALOAD, a.arraySlot()));
        pre.add(RuntimeCalls.checkedLength());
        pre.add(new VarInsnNode(Opcodes.ISTORE, local));
        out.put(a.arraySlot(), local);
      }
    }
    return out;
  }

  /**
   * Inserts the check before {@code access}, whose index has already been translated to the rank's
   * local one. A store's value is on the stack above the index: it waits in a local meanwhile.
   */
  static void check(MethodNode method, ArrayAccess access, int start, Map<Integer, Integer> lengths,
      Map<Integer, Integer> valueLocals) {
    int op = access.access().getOpcode();
    InsnList l = new InsnList();
    Type value = op >= Opcodes.IASTORE && op <= Opcodes.SASTORE ? storedType(op) : null;
    int held = -1;
    if (value != null) {
      held = valueLocals.computeIfAbsent(value.getSort(), s -> newLocal(method, value));
      l.add(new VarInsnNode(value.getOpcode(Opcodes.ISTORE), held));
    }
    l.add(new VarInsnNode(Opcodes.ILOAD, start));
    l.add(new VarInsnNode(Opcodes.ILOAD, lengths.get(access.arraySlot())));
    l.add(RuntimeCalls.checkIndex());
    if (value != null) {
      l.add(new VarInsnNode(value.getOpcode(Opcodes.ILOAD), held));
    }
    method.instructions.insertBefore(access.access(), l);
  }

  /** The type of the value an array store takes ({@code BASTORE} and the like take an int). */
  private static Type storedType(int op) {
    switch (op) {
      case Opcodes.LASTORE: return Type.LONG_TYPE;
      case Opcodes.FASTORE: return Type.FLOAT_TYPE;
      case Opcodes.DASTORE: return Type.DOUBLE_TYPE;
      case Opcodes.AASTORE: return Type.getType(Object.class);
      default: return Type.INT_TYPE;
    }
  }

  private static int newLocal(MethodNode method, Type type) {
    int slot = method.maxLocals;
    method.maxLocals += type.getSize();
    return slot;
  }
}

package dev.parjit.analysis;

import dev.parjit.analysis.dataflow.Consumers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import dev.parjit.analysis.plan.ArrayShapes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Arrays that may be 1D_Block: primitive arrays and arrays of their rows allocated in the method and
 * kept in a local variable that is assigned nowhere else. Whether they stay 1D depends on how
 * every read of that variable uses the array ({@link MethodAnalyzer} decides).
 */
final class DistributedArrayCandidates {

  private DistributedArrayCandidates() { }

  /**
   * Local slot to its allocation instruction. javac reuses slots once a variable's scope ends, so
   * a slot qualifies when every read that may see the new array sees only it; two allocations
   * kept in one slot disqualify it.
   */
  static Map<Integer, AbstractInsnNode> find(MethodNode method, Consumers consumers) {
    int firstLocal = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    for (org.objectweb.asm.Type t : org.objectweb.asm.Type.getArgumentTypes(method.desc)) {
      firstLocal += t.getSize();
    }
    Map<Integer, AbstractInsnNode> candidates = new LinkedHashMap<>();
    java.util.Set<Integer> conflicting = new java.util.HashSet<>();
    for (AbstractInsnNode x : method.instructions) {
      if (!isAllocation(x)) {
        continue;
      }
      Set<AbstractInsnNode> uses = consumers.of(x);
      if (uses.size() == 1 && uses.iterator().next() instanceof VarInsnNode st && st.getOpcode() == Opcodes.ASTORE
          && st.var >= firstLocal && onlyDefinitionWhereSeen(method, consumers, st)) {
        if (candidates.put(st.var, x) != null) {
          conflicting.add(st.var);
        }
      }
    }
    conflicting.forEach(candidates::remove);
    return candidates;
  }

  /**
   * {@code new double[n]}, and arrays of rows: {@code new double[n][m]}, {@code new double[n][]},
   * {@code new double[n][m][p]} (distributed by their outer dimension).
   */
  static boolean isAllocation(AbstractInsnNode x) {
    if (x.getOpcode() == Opcodes.NEWARRAY) {
      return true;
    }
    if (x instanceof TypeInsnNode t && x.getOpcode() == Opcodes.ANEWARRAY) {
      return ArrayShapes.isDistributable(Type.getType("[" + Type.getObjectType(t.desc).getDescriptor()));
    }
    return x instanceof MultiANewArrayInsnNode m && m.dims <= ArrayShapes.MAX_DIMENSIONS
        && ArrayShapes.isDistributable(Type.getType(m.desc));
  }

  /** The array store that an allocation's value went to. */
  static AbstractInsnNode storeOf(AbstractInsnNode allocation, Consumers consumers) {
    return consumers.of(allocation).iterator().next();
  }

  private static boolean onlyDefinitionWhereSeen(MethodNode method, Consumers consumers, VarInsnNode store) {
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && v.var == store.var) {
        Set<AbstractInsnNode> defs = consumers.definitions(x, v.var);
        if (defs.contains(store) && defs.size() > 1) {
          return false;
        }
      }
    }
    return true;
  }
}

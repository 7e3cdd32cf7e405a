package dev.parjit.analysis;

import dev.parjit.analysis.dataflow.Consumers;
import dev.parjit.analysis.loops.CountedLoopMatcher;
import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.BoundKind;
import dev.parjit.analysis.plan.CountedLoop;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Row-major 2-D data in a 1-D array: {@code double[] a = new double[rows * k]} read and written as
 * {@code a[k * i + j]} in a parallel loop over rows {@code i}, with {@code j} the index of a loop
 * inside it running {@code 0 .. k-1}. Such an array is distributed in blocks of whole rows (Bodo's
 * formula over the row count, {@code k} elements per row), so each rank owns the elements of the
 * rows it runs. {@code k} must be one value for the whole method: a parameter never assigned, or a
 * local assigned once.
 */
final class FlatRows {

  private FlatRows() { }

  /**
   * Allocations {@code new T[r * k]} (either order) kept in a candidate slot, slot to the slot of
   * each possible width {@code k} (both factors qualify until an access picks one).
   */
  static Map<Integer, Set<Integer>> candidates(MethodNode method, Consumers consumers,
      Map<Integer, AbstractInsnNode> allocations) {
    Map<Integer, Set<Integer>> out = new LinkedHashMap<>();
    allocations.forEach((slot, alloc) -> {
      if (alloc.getOpcode() != Opcodes.NEWARRAY) {
        return;
      }
      Set<AbstractInsnNode> size = consumers.operand(alloc, 0);
      if (size.size() != 1 || size.iterator().next().getOpcode() != Opcodes.IMUL) {
        return;
      }
      AbstractInsnNode mul = size.iterator().next();
      Set<Integer> widths = new java.util.TreeSet<>();
      for (int depth = 0; depth < 2; depth++) {
        Integer k = singleIntLoad(consumers.operand(mul, depth));
        if (k != null && isOneValue(method, k)) {
          widths.add(k);
        }
      }
      if (!widths.isEmpty()) {
        out.put(slot, widths);
      }
    });
    return out;
  }

  /**
   * The slot of {@code k} when {@code index} (the producers of an access's index) is
   * {@code k * i + j} for the index {@code i} of {@code outer} and a loop {@code j} nested in it
   * around {@code access} that runs {@code for (j = 0; j < k; j++)}; {@code null} otherwise.
   */
  static Integer width(MethodNode method, Consumers consumers, Set<AbstractInsnNode> index, AbstractInsnNode access,
      CountedLoop outer, NaturalLoop outerLoop, List<NaturalLoop> loops, Set<Integer> widths) {
    if (outer == null || !outer.indexType().equals("I") || outer.kind().isDescending() || index.size() != 1
        || index.iterator().next().getOpcode() != Opcodes.IADD) {
      return null;
    }
    AbstractInsnNode add = index.iterator().next();
    for (int mulSide = 0; mulSide < 2; mulSide++) {
      Set<AbstractInsnNode> mul = consumers.operand(add, mulSide);
      Integer j = singleIntLoad(consumers.operand(add, 1 - mulSide));
      if (j == null || mul.size() != 1 || mul.iterator().next().getOpcode() != Opcodes.IMUL) {
        continue;
      }
      AbstractInsnNode m = mul.iterator().next();
      for (int kSide = 0; kSide < 2; kSide++) {
        Integer k = singleIntLoad(consumers.operand(m, kSide));
        Integer i = singleIntLoad(consumers.operand(m, 1 - kSide));
        if (k != null && i != null && i == outer.indexSlot() && widths.contains(k)
            && innerColumnLoop(method, access, outerLoop, loops, j, k)) {
          return k;
        }
      }
    }
    return null;
  }

  /** Whether a loop inside {@code outerLoop} around {@code access} is {@code for (j = 0; j < k; j++)}. */
  private static boolean innerColumnLoop(MethodNode method, AbstractInsnNode access, NaturalLoop outerLoop,
      List<NaturalLoop> loops, int j, int k) {
    int at = method.instructions.indexOf(access);
    for (NaturalLoop inner : loops) {
      if (inner == outerLoop || !inner.isInside(outerLoop) || !inner.body().get(at)) {
        continue;
      }
      CountedLoop shape = CountedLoopMatcher.match(method, inner).loop();
      if (shape != null && shape.indexSlot() == j && shape.kind() == BoundKind.LT && shape.step() == 1
          && shape.indexOffset() == 0 && shape.boundInsns().size() == 1 && shape.boundInsns().get(0) instanceof VarInsnNode b
          && b.getOpcode() == Opcodes.ILOAD && b.var == k && startsAtZero(shape)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsAtZero(CountedLoop shape) {
    AbstractInsnNode value = shape.initStore().getPrevious();
    while (value != null && value.getOpcode() < 0) {
      value = value.getPrevious();
    }
    return value instanceof InsnNode c && c.getOpcode() == Opcodes.ICONST_0;
  }

  private static Integer singleIntLoad(Set<AbstractInsnNode> producers) {
    if (producers.size() == 1 && producers.iterator().next() instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD) {
      return v.var;
    }
    return null;
  }

  /** A parameter never assigned, or a local assigned exactly once: one value wherever it is read. */
  static boolean isOneValue(MethodNode method, int slot) {
    int params = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    for (org.objectweb.asm.Type t : org.objectweb.asm.Type.getArgumentTypes(method.desc)) {
      params += t.getSize();
    }
    int stores = 0;
    for (AbstractInsnNode x : method.instructions) {
      if ((x instanceof VarInsnNode v && v.var == slot && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE)
          || (x instanceof IincInsnNode inc && inc.var == slot)) {
        stores++;
      }
    }
    return slot < params ? stores == 0 : stores == 1;
  }
}

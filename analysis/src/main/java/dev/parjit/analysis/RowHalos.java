package dev.parjit.analysis;

import dev.parjit.analysis.dataflow.Consumers;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rows of a row-distributed array ({@code double[][]}) read through a halo: {@code from[i - 1][j]} in a
 * loop over rows {@code i} is a halo read of width 1 over the outer dimension, whose elements are rows
 * (a 2-D Jacobi reads rows {@code i - 1} and {@code i + 1} of the grid it does not write). A row read so
 * must only be read: every use of the loaded row is a primitive element load ({@code xALOAD} with the row
 * as its array) or its length; the fetched row is a copy, so a store into it, or a row kept in a local
 * or passed on, would not reach the caller's grid. The rows' type must be known from such an element
 * load of the array somewhere in the method (the rewrite casts what the halo returns to it).
 */
final class RowHalos {

  private RowHalos() { }

  /**
   * The descriptor of the rows ({@code "[D"}) when {@code load} (an {@code AALOAD} of the array in
   * {@code slot}) pushes a row that is only read, element by element or for its length; else {@code null}.
   */
  static String readOnlyRow(MethodNode method, Consumers c, AbstractInsnNode load, int slot) {
    if (load.getOpcode() != Opcodes.AALOAD) {
      return null;
    }
    for (AbstractInsnNode use : c.of(load)) {
      boolean element = isPrimitiveLoad(use.getOpcode()) && c.operand(use, 1).equals(Set.of(load));
      if (!element && use.getOpcode() != Opcodes.ARRAYLENGTH) {
        return null;
      }
    }
    Set<AbstractInsnNode> array = c.operand(load, 1);
    return c.of(load).isEmpty() || array.size() != 1 ? null
        : rowDescriptor(method, c, slot, c.definitions(array.iterator().next(), slot));
  }

  /**
   * The descriptor of the rows of the array in {@code slot}, from the element loads of rows loaded from
   * it anywhere in the method ({@code slot[r][c]}); {@code null} when there are none or they disagree.
   */
  static String rowDescriptor(MethodNode method, Consumers c, int slot) {
    return rowDescriptor(method, c, slot, null);
  }

  /**
   * As {@link #rowDescriptor(MethodNode, Consumers, int)}, counting only loads of the slot that see the
   * stores {@code definitions} (the same variable: javac may reuse a slot for an array of another type).
   */
  private static String rowDescriptor(MethodNode method, Consumers c, int slot, Set<AbstractInsnNode> definitions) {
    String found = null;
    for (AbstractInsnNode x : method.instructions) {
      if (x.getOpcode() != Opcodes.AALOAD) {
        continue;
      }
      Set<AbstractInsnNode> array = c.operand(x, 1);
      if (array.size() != 1 || !(array.iterator().next() instanceof VarInsnNode a) || a.getOpcode() != Opcodes.ALOAD
          || a.var != slot || (definitions != null && !c.definitions(a, slot).equals(definitions))) {
        continue;
      }
      for (AbstractInsnNode use : c.of(x)) {
        if (isPrimitiveLoad(use.getOpcode()) && c.operand(use, 1).equals(Set.of(x))) {
          String d = descriptor(use.getOpcode());
          if (found != null && !found.equals(d)) {
            return null;
          }
          found = d;
        }
      }
    }
    return found;
  }

  /** The halo-capable element loads: the halo exchanges rows of ints, longs, floats and doubles. */
  private static boolean isPrimitiveLoad(int op) {
    return op == Opcodes.IALOAD || op == Opcodes.LALOAD || op == Opcodes.FALOAD || op == Opcodes.DALOAD;
  }

  private static String descriptor(int load) {
    switch (load) {
      case Opcodes.IALOAD: return "[I";
      case Opcodes.LALOAD: return "[J";
      case Opcodes.FALOAD: return "[F";
      default: return "[D";
    }
  }
}

package dev.parjit.analysis.effects;

import dev.parjit.analysis.plan.ArrayShapes;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * Writes into the rows of a multi-dimensional array parameter ({@code m[i][j] = e} on a
 * {@code double[][] m}): the workers reproduce them, since the driver copies each row's contents
 * back into the caller's own row objects. Replacing a row ({@code m[i] = new double[k]}, or
 * {@code System.arraycopy} into {@code m}) cannot be reproduced that way: the caller's matrix would
 * have to hold the workers' new row objects, so such a write keeps the method on the driver.
 */
final class RowWrites {

  private RowWrites() { }

  /** Whether writing through {@code target} writes elements inside rows of a row-array parameter. */
  static boolean intoRows(Origin target, String methodDesc) {
    return target instanceof Origin.Element e && e.root() instanceof Origin.Param p && p.index() >= 0
        && ArrayShapes.hasRows(Type.getArgumentTypes(methodDesc)[p.index()]);
  }

  /** The parameter index a row write reaches. */
  static int param(Origin target) {
    Origin root = target instanceof Origin.Element e ? e.root() : target;
    return ((Origin.Param) root).index();
  }

  /**
   * Why the write {@code x} through {@code target} cannot be written back row by row ({@code {param}}
   * stands for the parameter's description), or {@code null} when it can or is not a row-array write.
   */
  static String problem(Origin target, AbstractInsnNode x, String methodDesc) {
    Origin root = target instanceof Origin.Element e ? e.root() : target;
    if (!(root instanceof Origin.Param p) || p.index() < 0) {
      return null;
    }
    Type type = Type.getArgumentTypes(methodDesc)[p.index()];
    if (!ArrayShapes.hasRows(type)) {
      return null;
    }
    boolean primitiveStore = x.getOpcode() >= Opcodes.IASTORE && x.getOpcode() <= Opcodes.SASTORE
        && x.getOpcode() != Opcodes.AASTORE;
    if (target instanceof Origin.Param) {
      return "replaces rows of {param} (the caller's row objects would not be the ones updated)";
    }
    // Rows of rows collapse into one element origin: only a primitive store, or a call writing a row
    // of a two-dimensional array, surely writes elements rather than replacing rows.
    if (!primitiveStore && (x.getOpcode() == Opcodes.AASTORE || type.getDimensions() > 2)) {
      return "replaces rows inside rows of {param} (the caller's row objects would not be the ones updated)";
    }
    return null;
  }
}

package dev.parjit.analysis.plan;

import org.objectweb.asm.Type;

/**
 * Which array types Parjit distributes: primitive arrays of one to {@value #MAX_DIMENSIONS}
 * dimensions. A multi-dimensional array is distributed by its outer dimension (rows, with Bodo's
 * block formula over the row count); its inner dimensions stay whole on the rank that owns the row.
 * The one place that says which array types are data, for the analysis, the diagnostics and the
 * specialization keys alike.
 */
public final class ArrayShapes {

  /** {@code double[][][]} is the deepest array the runtime allocates and moves by rows. */
  public static final int MAX_DIMENSIONS = 3;

  private ArrayShapes() { }

  /** Whether values of type {@code t} are arrays that may be distributed (1D_Block by rows). */
  public static boolean isDistributable(Type t) {
    return t != null && t.getSort() == Type.ARRAY && t.getDimensions() <= MAX_DIMENSIONS
        && t.getElementType().getSort() >= Type.BOOLEAN && t.getElementType().getSort() <= Type.DOUBLE;
  }

  /** Whether {@code t} is a distributable array whose elements are rows (two or more dimensions). */
  public static boolean hasRows(Type t) {
    return isDistributable(t) && t.getDimensions() >= 2;
  }
}

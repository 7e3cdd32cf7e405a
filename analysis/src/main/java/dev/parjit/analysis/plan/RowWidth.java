package dev.parjit.analysis.plan;

/**
 * The width {@code k} of the rows of row-major 2-D data held in a 1-D array (an array accessed only at
 * {@code k * i + c}): either a local that holds one value for the whole method ({@code slot >= 0}) or
 * a positive constant ({@code slot == -1}). Such an array is distributed in blocks of whole rows,
 * Bodo's formula over {@code rows = length / k}; the elements past the last whole row sit on the
 * last rank.
 *
 * @param slot     the local holding {@code k}, or {@code -1} for a constant
 * @param constant the constant {@code k} when {@code slot == -1}, else {@code 0}
 */
public record RowWidth(int slot, int constant) {

  /** Rows of one element: an array indexed element by element ({@code a[i]}). */
  public static final RowWidth ELEMENTS = new RowWidth(-1, 1);

  /** The width held in local {@code slot}. */
  public static RowWidth ofSlot(int slot) {
    return new RowWidth(slot, 0);
  }

  /** The constant width {@code k} (at least 2: rows of one element are plain elements). */
  public static RowWidth ofConstant(int k) {
    return new RowWidth(-1, k);
  }

  /** Whether {@code k} is a constant (the same on every call). */
  public boolean isConstant() {
    return slot < 0;
  }

  @Override
  public String toString() {
    return isConstant() ? Integer.toString(constant) : "slot " + slot;
  }
}

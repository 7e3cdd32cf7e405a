package dev.parjit.analysis.plan;

/**
 * The width {@code k} of the rows of row-major 2-D data held in a 1-D array (an array accessed only at
 * {@code k * i + c}): a local that holds one value for the whole method ({@code slot >= 0}), a
 * positive constant, or an {@code int} field of {@code this} the method never writes. Such an array is
 * distributed in blocks of whole rows, Bodo's formula over {@code rows = length / k}; the elements past
 * the last whole row sit on the last rank.
 *
 * @param slot       the local holding {@code k}, or {@code -1}
 * @param constant   the constant {@code k} when there is neither a local nor a field, else {@code 0}
 * @param fieldOwner the internal name of the class of the {@code int} field of {@code this} holding {@code k},
 *                   or {@code null}
 * @param fieldName  that field's name, or {@code null}
 */
public record RowWidth(int slot, int constant, String fieldOwner, String fieldName) {

  /** Rows of one element: an array indexed element by element ({@code a[i]}). */
  public static final RowWidth ELEMENTS = ofConstant(1);

  /** The width held in local {@code slot}. */
  public static RowWidth ofSlot(int slot) {
    return new RowWidth(slot, 0, null, null);
  }

  /** The constant width {@code k} (at least 2: rows of one element are plain elements). */
  public static RowWidth ofConstant(int k) {
    return new RowWidth(-1, k, null, null);
  }

  /** The width held in the {@code int} field {@code owner.name} of {@code this}, which the method never writes. */
  public static RowWidth ofField(String owner, String name) {
    return new RowWidth(-1, 0, owner, name);
  }

  /** Whether {@code k} is a constant (the same on every call). */
  public boolean isConstant() {
    return slot < 0 && fieldName == null;
  }

  /** Whether {@code k} is a field of {@code this}. */
  public boolean isField() {
    return fieldName != null;
  }

  @Override
  public String toString() {
    return isField() ? "this." + fieldName : isConstant() ? Integer.toString(constant) : "slot " + slot;
  }
}

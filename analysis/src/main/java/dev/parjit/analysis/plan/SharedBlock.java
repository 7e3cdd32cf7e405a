package dev.parjit.analysis.plan;

import java.util.List;

/**
 * A replicated array (whole on every rank) that a parallel loop writes at exactly its index
 * ({@code a[i] = e}, SPMD mode): each rank runs its part of the range on its own copy, so it writes only
 * the elements of that part, and after the loop the ranks exchange those parts so every copy holds what
 * the sequential loop leaves, also when an iteration threw (the parts before the failing iteration, the
 * values from before the loop after it).
 *
 * @param holderSlot  the local variable holding the array (never assigned in the loop)
 * @param elementType the element descriptor of the stores ({@code B} also for {@code boolean[]})
 * @param aliasSlots  other local arrays of the same element type the loop reads at another index than
 *                    its own: when one of them is the holder at run time, rank 0 runs the whole range
 * @param aliasFields fields of {@code this} or statics holding arrays of that type that the loop reads at
 *                    another index (never assigned in the loop), checked the same way
 */
public record SharedBlock(int holderSlot, String elementType, List<Integer> aliasSlots, List<FieldRead> aliasFields) {

  /** A block without fields to check. */
  public SharedBlock(int holderSlot, String elementType, List<Integer> aliasSlots) {
    this(holderSlot, elementType, aliasSlots, List.of());
  }

  /** Whether the loop must compare the holder with other arrays before it runs. */
  public boolean checksAliases() {
    return !aliasSlots.isEmpty() || !aliasFields.isEmpty();
  }

  /**
   * A field read in the loop: {@code this.name} (read through local 0, which the method never assigns)
   * or a static.
   *
   * @param isStatic whether it is a static field
   * @param owner    the field's owner (internal name)
   * @param name     the field's name
   * @param desc     the field's descriptor
   */
  public record FieldRead(boolean isStatic, String owner, String name, String desc) { }
}

package dev.parjit.analysis.plan;

/**
 * A replicated array updated at data-dependent indices with an associative operator, such as a
 * histogram: each rank accumulates its part, then one element-wise allreduce combines them.
 *
 * @param slot        the local variable holding the array (not reassigned in the loop)
 * @param elementType the element descriptor: {@code I}, {@code J}, {@code F} or {@code D}
 * @param op          the operator
 * @param name        the source name
 * @param mayAlias    slots of the other references the loop reads (locals it never assigns, such as
 *                    parameters): one may be the same array (a caller passing {@code axpy(a, r, r)}),
 *                    and the other ranks' neutral start would then show through its reads, so when one
 *                    is, the loop runs whole on rank 0 instead
 */
public record ArrayReduction(int slot, String elementType, ReductionOp op, String name, java.util.List<Integer> mayAlias) {

  /** A reduction into an array no parameter the loop reads can alias. */
  public ArrayReduction(int slot, String elementType, ReductionOp op, String name) {
    this(slot, elementType, op, name, java.util.List.of());
  }
}

package dev.parjit.analysis.plan;

/**
 * A replicated array updated at data-dependent indices with an associative operator, such as a
 * histogram: each rank accumulates its part, then one element-wise allreduce combines them.
 *
 * @param slot        the local variable holding the array (not reassigned in the loop)
 * @param elementType the element descriptor: {@code I}, {@code J}, {@code F} or {@code D}
 * @param op          the operator
 * @param name        the source name
 */
public record ArrayReduction(int slot, String elementType, ReductionOp op, String name) {
}

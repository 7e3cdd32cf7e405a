package dev.parjit.analysis.plan;

/**
 * A local variable combined across iterations with an associative operator.
 *
 * @param slot the local variable slot
 * @param type the JVM type descriptor of the slot: {@code I}, {@code J}, {@code F}, {@code D}
 *             ({@code boolean}, {@code byte}, {@code short}, {@code char} are {@code I})
 * @param op   the operator
 * @param name the source name (or {@code slotN})
 */
public record ScalarReduction(int slot, String type, ReductionOp op, String name) {

  /**
   * The most scalar reductions one parallel loop may combine: the loop's single exchange gives each
   * rank a slot of 64 longs, its failure flag and 63 words (the runtime's {@code AgreementExchange}).
   */
  public static final int MAX_PER_LOOP = 63;
}

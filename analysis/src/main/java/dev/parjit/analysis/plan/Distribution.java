package dev.parjit.analysis.plan;

/**
 * The distribution lattice, ordered as in Bodo: {@code REP < ONE_D_VAR < ONE_D_BLOCK}; the meet
 * of two distributions is the smaller one. A value first seen starts at {@link #ONE_D_BLOCK};
 * anything the analysis does not understand meets with {@link #REP}.
 */
public enum Distribution {
  /** Every rank holds the same full value. */
  REP("REP"),
  /** Contiguous chunks of any length, in rank order. */
  ONE_D_VAR("1D_Var"),
  /** Bodo's block distribution: rank r owns {@code [r*blk + min(r, rem), ...)}. */
  ONE_D_BLOCK("1D_Block");

  private final String label;

  Distribution(String label) {
    this.label = label;
  }

  /** The greatest lower bound of the two. */
  public Distribution meet(Distribution other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /** Whether the value is split over ranks. */
  public boolean isDistributed() {
    return this != REP;
  }

  /** The name used in diagnostics ({@code 1D_Block}, {@code 1D_Var}, {@code REP}). */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}

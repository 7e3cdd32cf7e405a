package dev.parjit.analysis.plan;

/** How a counted loop's condition compares the index with its bound. */
public enum BoundKind {
  /** {@code i < bound}. */
  LT,
  /** {@code i <= bound}. */
  LE,
  /** {@code i != bound}, accepted with step 1 only, treated as {@code i < bound}. */
  NE,
  /** {@code i >= bound}: an index counting down (negative step). */
  GE,
  /** {@code i > bound}: an index counting down (negative step). */
  GT;

  /** Whether the index counts down to its bound. */
  public boolean isDescending() {
    return this == GE || this == GT;
  }
}

package dev.parjit.frame;

/** Join kinds of {@link DataFrame#merge(DataFrame, JoinType, String...)}. */
public enum JoinType {
  /** Only rows whose keys match on both sides. */
  INNER,
  /** Every left row; right columns are null where nothing matches. */
  LEFT
}

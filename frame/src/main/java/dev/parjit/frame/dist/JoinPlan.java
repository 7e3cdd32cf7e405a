package dev.parjit.frame.dist;

import dev.parjit.frame.JoinType;

/**
 * How a join with distributed data runs: the one place that decides, from where each side sits and
 * its global size in bytes. A side whose size is at most the threshold
 * ({@value #THRESHOLD_PROPERTY}, default {@value #DEFAULT_THRESHOLD} bytes) may be sent whole to
 * every rank; the smaller such side is, so the larger side never moves.
 */
enum JoinPlan {
  /** The right side is replicated already: each rank joins its left rows with it. */
  RIGHT_REPLICATED,
  /** The right side is gathered on every rank; each rank joins its left rows; left order kept. */
  BROADCAST_RIGHT,
  /**
   * The left side is whole on every rank (gathered, or replicated already); each rank joins it with
   * its right rows, and the matches go to the rank owning their left row (an inner join only: a
   * left join would need every rank's verdict on each unmatched left row).
   */
  BROADCAST_LEFT,
  /** Both sides hash-shuffled by key, joined where they meet, then ordered by row numbers. */
  SHUFFLE;

  /** System property: the largest side, in bytes, sent whole to every rank for a join. */
  static final String THRESHOLD_PROPERTY = "parjit.broadcastJoinBytes";
  static final long DEFAULT_THRESHOLD = 64L << 20;

  /** The threshold in force (the property, read at each join so a test can change it). */
  static long threshold() {
    String v = System.getProperty(THRESHOLD_PROPERTY);
    if (v == null || v.isBlank()) {
      return DEFAULT_THRESHOLD;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(THRESHOLD_PROPERTY + " must be a number of bytes, not '" + v + "'");
    }
  }

  /**
   * The plan for a join where at least one side is distributed. Sizes are global bytes (a replicated
   * side's own size).
   */
  static JoinPlan choose(boolean leftDistributed, boolean rightDistributed, long leftBytes, long rightBytes,
      JoinType how, long threshold) {
    if (!rightDistributed) {
      return RIGHT_REPLICATED;
    }
    boolean rightFits = rightBytes <= threshold;
    boolean leftFits = how == JoinType.INNER && (leftBytes <= threshold || !leftDistributed);
    if (!leftDistributed && how == JoinType.INNER) {
      return BROADCAST_LEFT; // already everywhere: nothing to gather
    }
    if (rightFits && (!leftFits || rightBytes <= leftBytes)) {
      return BROADCAST_RIGHT;
    }
    return leftFits ? BROADCAST_LEFT : SHUFFLE;
  }
}

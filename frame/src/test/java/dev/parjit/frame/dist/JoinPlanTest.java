package dev.parjit.frame.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parjit.frame.JoinType;
import org.junit.jupiter.api.Test;

class JoinPlanTest {

  private static final long T = 1000;

  @Test
  void theSmallerSideThatFitsIsBroadcastWhicheverSideItIs() {
    assertEquals(JoinPlan.BROADCAST_RIGHT, JoinPlan.choose(true, true, 5000, 100, JoinType.INNER, T));
    assertEquals(JoinPlan.BROADCAST_LEFT, JoinPlan.choose(true, true, 100, 5000, JoinType.INNER, T));
    assertEquals(JoinPlan.BROADCAST_RIGHT, JoinPlan.choose(true, true, 900, 800, JoinType.INNER, T));
    assertEquals(JoinPlan.BROADCAST_LEFT, JoinPlan.choose(true, true, 800, 900, JoinType.INNER, T));
  }

  @Test
  void sidesOverTheThresholdAreShuffled() {
    assertEquals(JoinPlan.SHUFFLE, JoinPlan.choose(true, true, 5000, 5000, JoinType.INNER, T));
    assertEquals(JoinPlan.SHUFFLE, JoinPlan.choose(true, true, 100, 5000, JoinType.LEFT, T));
    assertEquals(JoinPlan.SHUFFLE, JoinPlan.choose(true, true, 5000, 5000, JoinType.LEFT, T));
  }

  @Test
  void aLeftJoinNeverBroadcastsItsLeftSide() {
    // Unmatched left rows need every rank's verdict: only the right side may travel whole.
    assertEquals(JoinPlan.BROADCAST_RIGHT, JoinPlan.choose(true, true, 100, 900, JoinType.LEFT, T));
    assertEquals(JoinPlan.SHUFFLE, JoinPlan.choose(false, true, 100, 5000, JoinType.LEFT, T));
  }

  @Test
  void aReplicatedSideIsUsedWhereItIs() {
    assertEquals(JoinPlan.RIGHT_REPLICATED, JoinPlan.choose(true, false, 5000, 5000, JoinType.LEFT, T));
    assertEquals(JoinPlan.BROADCAST_LEFT, JoinPlan.choose(false, true, 5000, 5000, JoinType.INNER, T));
    assertEquals(JoinPlan.BROADCAST_RIGHT, JoinPlan.choose(false, true, 5000, 10, JoinType.LEFT, T));
  }

  @Test
  void theThresholdComesFromTheSystemProperty() {
    String old = System.getProperty(JoinPlan.THRESHOLD_PROPERTY);
    try {
      System.clearProperty(JoinPlan.THRESHOLD_PROPERTY);
      assertEquals(JoinPlan.DEFAULT_THRESHOLD, JoinPlan.threshold());
      System.setProperty(JoinPlan.THRESHOLD_PROPERTY, "12");
      assertEquals(12, JoinPlan.threshold());
      System.setProperty(JoinPlan.THRESHOLD_PROPERTY, "12MB");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, JoinPlan::threshold);
      assertEquals(JoinPlan.THRESHOLD_PROPERTY + " must be a number of bytes, not '12MB'", e.getMessage());
    } finally {
      if (old == null) {
        System.clearProperty(JoinPlan.THRESHOLD_PROPERTY);
      } else {
        System.setProperty(JoinPlan.THRESHOLD_PROPERTY, old);
      }
    }
  }
}

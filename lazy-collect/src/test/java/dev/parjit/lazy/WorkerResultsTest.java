package dev.parjit.lazy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.dist.Placements;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which lazy results a worker sends whole with the call's answer: decided from schema and global rows only. */
class WorkerResultsTest {

  @AfterEach
  void clearProperty() {
    System.clearProperty(WorkerResults.WHOLE_BYTES_PROPERTY);
  }

  /** A chunk of {@code local} rows (a long and a double column: 16 bytes a row) of a result of {@code global} rows. */
  private static DataFrame chunk(int local, long global) {
    Map<String, Object> cols = new LinkedHashMap<>();
    cols.put("k", new long[local]);
    cols.put("x", new double[local]);
    return Placements.register(DataFrame.of(cols), global, 0);
  }

  @Test
  void aResultIsSentWholeUpToTheThresholdOverAllRanks() {
    long limit = WorkerResults.DEFAULT_WHOLE_BYTES;
    assertTrue(WorkerResults.sendsWhole(chunk(3, limit / 16)));
    assertFalse(WorkerResults.sendsWhole(chunk(3, limit / 16 + 1)), "the global rows decide, not this rank's");
    assertTrue(WorkerResults.sendsWhole(chunk(0, 0)));
  }

  @Test
  void theThresholdIsAPropertyAndMinusOneTurnsItOff() {
    System.setProperty(WorkerResults.WHOLE_BYTES_PROPERTY, "160");
    assertTrue(WorkerResults.sendsWhole(chunk(2, 10)));
    assertFalse(WorkerResults.sendsWhole(chunk(2, 11)));
    System.setProperty(WorkerResults.WHOLE_BYTES_PROPERTY, "-1");
    assertFalse(WorkerResults.sendsWhole(chunk(0, 0)));
    System.setProperty(WorkerResults.WHOLE_BYTES_PROPERTY, "lots");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkerResults.sendsWhole(chunk(1, 1)));
    assertTrue(e.getMessage().contains(WorkerResults.WHOLE_BYTES_PROPERTY), e.getMessage());
  }

  @Test
  void stringColumnsAreNeverSentWholeTheirSizeIsNotKnownEverywhere() {
    DataFrame strings = Placements.register(DataFrame.of("s", new String[] {"a", "b"}), 2, 0);
    assertFalse(WorkerResults.sendsWhole(strings));
    assertEquals(5, WorkerResults.PREVIEW_ROWS);
  }
}

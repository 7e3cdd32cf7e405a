package dev.parjit.agent.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassInitializationTest {

  static int initialized;

  static final class Counted {
    static final double RATE = rate();

    private static double rate() {
      initialized++;
      return 2.5;
    }
  }

  static final class Broken {
    static final int VALUE = Integer.parseInt("not a number");
  }

  @Test
  void asksWithoutInitializing() {
    assertFalse(ClassInitialization.isInitialized(Counted.class));
    assertEquals(0, initialized, "asking ran the initializer");
    assertEquals(2.5, Counted.RATE);
    assertTrue(ClassInitialization.isInitialized(Counted.class));
    assertEquals(1, initialized);
  }

  @Test
  void aFailedInitializerCountsAsNotInitialized() {
    assertThrows(ExceptionInInitializerError.class, () -> assertEquals(0, Broken.VALUE));
    assertFalse(ClassInitialization.isInitialized(Broken.class));
  }
}

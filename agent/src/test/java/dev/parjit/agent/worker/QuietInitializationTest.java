package dev.parjit.agent.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A worker initializes the classes of shipped statics with the initializing thread's output dropped:
 * the driver printed those lines already. Other threads still print, and the streams come back even
 * when an initializer fails.
 */
class QuietInitializationTest {

  static int noisyRuns;

  /** Prints on the initializing thread and on another one it starts. */
  static final class Noisy {
    static double weight;

    static {
      noisyRuns++;
      System.out.println("initializer line");
      System.err.println("initializer error line");
      // not a lambda: its method would belong to Noisy, which the other thread would wait to initialize
      Thread other = new Thread(new OtherPrinter());
      other.start();
      try {
        other.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      weight = 2;
    }
  }

  static final class OtherPrinter implements Runnable {
    @Override
    public void run() {
      System.out.println("other thread line");
    }
  }

  static final class Failing {
    static double weight;

    static {
      System.out.println("failing initializer line");
      if (weight == 0) {
        throw new IllegalStateException("no weight");
      }
    }
  }

  @Test
  void theInitializingThreadsLinesAreDroppedAndOtherThreadsPrint() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream capturedOut = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    PrintStream capturedErr = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    System.setOut(capturedOut);
    System.setErr(capturedErr);
    try {
      QuietInitialization.initialize(List.of(Noisy.class));
      assertSame(capturedOut, System.out, "System.out restored");
      assertSame(capturedErr, System.err, "System.err restored");
      QuietInitialization.initialize(List.of(Noisy.class)); // initialized already: nothing runs
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertEquals(1, noisyRuns);
    assertEquals(2.0, Noisy.weight);
    assertEquals("other thread line" + System.lineSeparator(), outBytes.toString(StandardCharsets.UTF_8));
    assertEquals("", errBytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theStreamsComeBackWhenAnInitializerFails() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    assertThrows(ExceptionInInitializerError.class, () -> QuietInitialization.initialize(List.of(Failing.class)));
    assertSame(out, System.out);
    assertSame(err, System.err);
  }
}

package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoopOutputTest {

  @Test
  void heldLinesAreWrittenOrDroppedAtTheAgreementAndTheStreamIsPutBack() {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream mine = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    System.setOut(mine);
    try {
      LoopOutput.hold();
      System.out.println("kept");
      System.out.print("no line end");
      assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing reaches the stream while held");
      LoopOutput.release(true);
      assertEquals("kept" + System.lineSeparator() + "no line end", bytes.toString(StandardCharsets.UTF_8));
      assertSame(mine, System.out, "the program's own stream is back");
      LoopOutput.hold();
      System.out.println("past the failing rank");
      LoopOutput.release(false);
      assertEquals("kept" + System.lineSeparator() + "no line end", bytes.toString(StandardCharsets.UTF_8));
      assertSame(mine, System.out);
      LoopOutput.release(true); // nothing held: nothing happens
      assertSame(mine, System.out);
    } finally {
      System.setOut(saved);
    }
  }

  @Test
  void anotherThreadsLinesAreNotHeld() throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      LoopOutput.hold();
      Thread other = new Thread(() -> System.out.println("other"));
      other.start();
      other.join();
      assertEquals("other" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
      LoopOutput.release(false);
    } finally {
      System.setOut(saved);
    }
  }
}

package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SequentialFramesTest {

  private static StackTraceElement frame(String cls, String method, int line) {
    return new StackTraceElement(cls, method, "F.java", line);
  }

  @Test
  void eachTwinAndItsStubFoldIntoTheMethodsFrame() {
    StackTraceElement[] trace = {
        frame("p.Helper", "divide", 3),
        frame("p.K", "m" + SequentialFrames.SUFFIX, 12),
        frame("p.K", "m", -1),
        frame("p.K", "m" + SequentialFrames.SUFFIX, 14), // m calling itself: its own twin and stub
        frame("p.K", "m", -1),
        frame("p.Main", "main", 30)};
    StackTraceElement[] expected = {
        frame("p.Helper", "divide", 3),
        frame("p.K", "m", 12),
        frame("p.K", "m", 14),
        frame("p.Main", "main", 30)};
    assertArrayEquals(expected, SequentialFrames.fold(trace));
  }

  /** Named as a stub's twin is, so that the JVM makes its frame (a built-in loader's name hidden in its text). */
  private static Throwable thrower$parjitSequential() {
    return new Throwable();
  }

  @Test
  void aRestoredFramePrintsAsTheJvmsFramesDo() {
    StackTraceElement twin = thrower$parjitSequential().getStackTrace()[0];
    StackTraceElement restored = SequentialFrames.fold(new StackTraceElement[] {twin})[0];
    assertEquals("thrower", restored.getMethodName());
    assertEquals(twin.toString().replace(SequentialFrames.SUFFIX, ""), restored.toString());
  }

  @Test
  void aTraceWithoutTwinsIsKept() {
    StackTraceElement[] trace = {frame("p.K", "m", 12), frame("p.K", "m", 14)};
    assertSame(trace, SequentialFrames.fold(trace));
  }

  @Test
  void causesAndSuppressedExceptionsAreRestoredToo() {
    StackTraceElement[] twin = {frame("p.K", "m" + SequentialFrames.SUFFIX, 7), frame("p.K", "m", -1)};
    StackTraceElement[] plain = {frame("p.K", "m", 7)};
    IllegalStateException cause = new IllegalStateException("inner");
    cause.setStackTrace(twin);
    RuntimeException top = new RuntimeException("outer", cause);
    top.setStackTrace(twin);
    ArithmeticException suppressed = new ArithmeticException("closing");
    suppressed.setStackTrace(twin);
    top.addSuppressed(suppressed);
    cause.initCause(top); // a cycle must not loop forever
    assertSame(top, SequentialFrames.restore(top));
    assertArrayEquals(plain, top.getStackTrace());
    assertArrayEquals(plain, cause.getStackTrace());
    assertArrayEquals(plain, suppressed.getStackTrace());
  }
}

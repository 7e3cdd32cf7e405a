package dev.parjit.agent.worker;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/**
 * What a call the driver may discard prints on this worker ({@link dev.parjit.agent.spawn.Messages.HoldOutput}):
 * standard output and error go to buffers while it runs, and reach the real streams only when the
 * driver accepts its answer ({@link dev.parjit.agent.spawn.Messages.Verdict}); a discarded call is
 * sent again and prints then, so the program's output appears once, as in the sequential run.
 */
final class HeldOutput {

  private long announced = -1;
  private long holding = -1;
  private PrintStream realOut;
  private PrintStream realErr;
  private ByteArrayOutputStream out;
  private ByteArrayOutputStream err;

  /** The driver will send a verdict on call {@code callId}. */
  void announce(long callId) {
    announced = callId;
  }

  /** Before running call {@code callId}: its output is held when it was announced. */
  void begin(long callId) {
    if (callId != announced) {
      return;
    }
    holding = callId;
    realOut = System.out;
    realErr = System.err;
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true));
    System.setErr(new PrintStream(err, true));
  }

  /** After the call: the real streams again (what it printed stays held). */
  void end() {
    if (realOut != null) {
      System.out.flush();
      System.err.flush();
      System.setOut(realOut);
      System.setErr(realErr);
      realOut = null;
      realErr = null;
    }
  }

  /** The driver's verdict on call {@code callId}: print what it held, or drop it. */
  void settle(long callId, boolean accepted) {
    if (callId != holding) {
      return;
    }
    if (accepted) {
      System.out.write(out.toByteArray(), 0, out.size());
      System.out.flush();
      System.err.write(err.toByteArray(), 0, err.size());
      System.err.flush();
    }
    out = null;
    err = null;
    holding = -1;
    announced = -1;
  }
}

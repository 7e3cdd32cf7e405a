package dev.parjit.runtime;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * What a parallel loop that prints and may throw writes to {@code System.out}, held on each rank
 * until the ranks agree on how the loop ended ({@link LoopFailures}). When a rank fails, the ranks
 * whose iterations come after the failing one in the sequential order ran iterations the sequential
 * run never reaches: their lines are dropped, so the ranks' lines in rank order are the sequential
 * ones. Without a failure, every rank's lines are written out at the agreement.
 *
 * <p>While a thread holds, {@code System.out} is a stream that sends that thread's bytes to its
 * buffer and every other thread's to the stream it replaced, which is put back when no thread holds
 * (simulated ranks are threads of one process).
 */
final class LoopOutput {

  private static final ThreadLocal<ByteArrayOutputStream> HELD = new ThreadLocal<>();
  private static PrintStream replaced;
  private static int holders;

  private LoopOutput() { }

  /** Starts holding this thread's output (before the loop's first iteration). */
  static synchronized void hold() {
    if (HELD.get() != null) {
      return;
    }
    if (holders++ == 0) {
      replaced = System.out;
      String encoding = System.getProperty("sun.stdout.encoding");
      Charset charset = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding)
          : Charset.defaultCharset();
      System.setOut(new PrintStream(new Router(replaced), true, charset));
    }
    HELD.set(new ByteArrayOutputStream());
  }

  /** Ends holding: writes what this thread held when {@code keep}, drops it otherwise. */
  static synchronized void release(boolean keep) {
    if (HELD.get() == null) {
      return;
    }
    System.out.flush(); // text printed without a line end is still in the stream's encoder
    ByteArrayOutputStream held = HELD.get();
    HELD.remove();
    if (keep) {
      replaced.write(held.toByteArray(), 0, held.size());
      replaced.flush();
    }
    if (--holders == 0) {
      System.setOut(replaced);
      replaced = null;
    }
  }

  /** Each thread's bytes to its buffer while it holds, to the replaced stream otherwise. */
  private static final class Router extends OutputStream {
    private final PrintStream target;

    Router(PrintStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) {
      ByteArrayOutputStream held = HELD.get();
      if (held != null) {
        held.write(b);
      } else {
        target.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ByteArrayOutputStream held = HELD.get();
      if (held != null) {
        held.write(b, off, len);
      } else {
        target.write(b, off, len);
      }
    }

    @Override
    public void flush() {
      if (HELD.get() == null) {
        target.flush();
      }
    }
  }
}

package dev.parjit.mpi.launch;

import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A rank's {@code System.in}: the bytes the launcher forwarded, queued without bound so the thread
 * that receives them never waits for the program to read (it also watches for the launcher's
 * death), then end of file once the launcher's own input ended.
 */
final class ForwardedInput extends InputStream {

  private static final byte[] END = new byte[0];

  private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
  private byte[] current = new byte[0];
  private int pos;
  private boolean ended;

  /** Called by the receiving thread. */
  void add(byte[] chunk) {
    chunks.add(chunk);
  }

  /** Called by the receiving thread: no more input. */
  void end() {
    chunks.add(END);
  }

  /** Blocks until a byte is there or the input ended; false at end of file. */
  private boolean fill() {
    while (!ended && pos == current.length) {
      try {
        byte[] next = chunks.take();
        if (next == END) {
          ended = true;
        } else {
          current = next;
          pos = 0;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return pos < current.length;
  }

  @Override
  public synchronized int read() {
    return fill() ? current[pos++] & 0xff : -1;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public synchronized int available() {
    return current.length - pos;
  }
}

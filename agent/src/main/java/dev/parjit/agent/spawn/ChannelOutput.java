package dev.parjit.agent.spawn;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A channel's buffered socket output without a lock of its own: {@link Channel#send} writes one
 * message at a time already. {@link java.io.BufferedOutputStream} locks at every write, and encoding
 * writes a message a few bytes at a time ({@link java.io.DataOutputStream#writeInt} is four one-byte
 * writes).
 */
final class ChannelOutput extends OutputStream {

  private final OutputStream out;
  private final byte[] buf;
  private int count;

  ChannelOutput(OutputStream out, int size) {
    this.out = out;
    this.buf = new byte[size];
  }

  @Override
  public void write(int b) throws IOException {
    if (count == buf.length) {
      drain();
    }
    buf[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (len >= buf.length) {
      drain(); // a large write bypasses the buffer
      out.write(b, off, len);
      return;
    }
    if (len > buf.length - count) {
      drain();
    }
    System.arraycopy(b, off, buf, count, len);
    count += len;
  }

  @Override
  public void flush() throws IOException {
    drain();
    out.flush();
  }

  private void drain() throws IOException {
    if (count > 0) {
      out.write(buf, 0, count);
      count = 0;
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}

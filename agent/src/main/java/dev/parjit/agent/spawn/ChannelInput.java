package dev.parjit.agent.spawn;

import java.io.IOException;
import java.io.InputStream;

/**
 * A channel's buffered socket input that counts the bytes it reads. Only the channel's reader reads
 * it, so unlike {@link java.io.BufferedInputStream} it takes no lock: decoding reads a message a few
 * bytes at a time ({@link java.io.DataInputStream#readInt} is four one-byte reads), and each locked
 * read through a counting filter was code the JIT compiled again and again into the decoder (the
 * largest compilations of a worker's warm calls).
 */
final class ChannelInput extends InputStream {

  private final InputStream in;
  private final byte[] buf;
  private int pos;
  private int limit;
  /** Bytes read from the socket so far (the driver counts what the workers sent it). */
  private long received;

  ChannelInput(InputStream in, int size) {
    this.in = in;
    this.buf = new byte[size];
  }

  @Override
  public int read() throws IOException {
    if (pos < limit || fill()) {
      return buf[pos++] & 0xff;
    }
    return -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pos == limit) {
      if (len >= buf.length) {
        int n = in.read(b, off, len); // a large read bypasses the buffer
        if (n > 0) {
          received += n;
        }
        return n;
      }
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, limit - pos);
    System.arraycopy(buf, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int available() throws IOException {
    return limit - pos + in.available();
  }

  /** Reads what the socket has into the empty buffer; false at the end of the stream. */
  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      pos = 0;
      limit = 0;
      return false;
    }
    received += n;
    pos = 0;
    limit = n;
    return true;
  }

  /** Bytes read from the socket since the last call. */
  long takeReceived() {
    long n = received;
    received = 0;
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

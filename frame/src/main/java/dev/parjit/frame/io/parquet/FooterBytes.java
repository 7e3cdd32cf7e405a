package dev.parjit.frame.io.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The serialized footer at the end of a Parquet file: {@code <footer><length: 4 bytes LE>PAR1}
 * (the layout of the Parquet format's specification). What the footer cache compares to decide
 * whether a footer parsed earlier still describes the file.
 */
final class FooterBytes {
  private static final int TAIL = 8;
  /** Footers larger than this are not cached (read and parsed by Parquet-MR every time). */
  static final int MAX = 16 << 20;

  private FooterBytes() {}

  /**
   * The footer's bytes, or null when the file does not end like a plain Parquet file (too short,
   * another magic, such as an encrypted footer's, a length that does not fit) or cannot be read:
   * then the caller leaves it to Parquet-MR, which names the problem.
   */
  static byte[] read(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 4 + TAIL) {
        return null;
      }
      ByteBuffer tail = ByteBuffer.allocate(TAIL).order(ByteOrder.LITTLE_ENDIAN);
      if (!readFully(ch, tail, size - TAIL)) {
        return null;
      }
      int length = tail.getInt(0);
      if (tail.get(4) != 'P' || tail.get(5) != 'A' || tail.get(6) != 'R' || tail.get(7) != '1'
          || length < 0 || length > MAX || length > size - TAIL - 4) {
        return null;
      }
      ByteBuffer footer = ByteBuffer.allocate(length);
      return readFully(ch, footer, size - TAIL - length) ? footer.array() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
    while (b.hasRemaining()) {
      int n = ch.read(b, at + b.position());
      if (n < 0) {
        return false;
      }
    }
    return true;
  }
}

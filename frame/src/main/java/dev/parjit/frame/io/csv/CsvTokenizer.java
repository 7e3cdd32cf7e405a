package dev.parjit.frame.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a byte stream into RFC-4180 records: fields separated by commas, records by LF or CRLF,
 * double-quoted fields may contain commas, newlines and {@code ""} (an escaped quote). Fields are
 * decoded as UTF-8. Tracks the file offset of every record start, which is how byte ranges own
 * lines.
 */
final class CsvTokenizer {
  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int lim;
  /** File offset of {@code buf[0]}. */
  private long bufStart;
  private byte[] field = new byte[256];
  private int flen;
  /** Fields of the current record. */
  final List<String> fields = new ArrayList<>();
  /** Whether each field of the current record was quoted. */
  final List<Boolean> quoted = new ArrayList<>();
  private long recordStart;
  private boolean blank;

  /** @param in bytes of the file from {@code offset} on */
  CsvTokenizer(InputStream in, long offset) {
    this.in = in;
    this.bufStart = offset;
  }

  /** @return the file offset of the next unread byte, where the next record starts */
  long position() {
    return bufStart + pos;
  }

  /** @return the file offset where the current record started */
  long recordStart() {
    return recordStart;
  }

  /** @return whether the current record was an empty line */
  boolean blank() {
    return blank;
  }

  private int read() throws IOException {
    if (pos == lim) {
      bufStart += lim;
      pos = 0;
      lim = Math.max(0, in.readNBytes(buf, 0, buf.length));
      if (lim == 0) {
        return -1;
      }
    }
    return buf[pos++] & 0xFF;
  }

  private int peek() throws IOException {
    int c = read();
    if (c >= 0) {
      pos--;
    }
    return c;
  }

  private void append(int c) {
    if (flen == field.length) {
      field = java.util.Arrays.copyOf(field, flen * 2);
    }
    field[flen++] = (byte) c;
  }

  private void endField(boolean wasQuoted) {
    fields.add(new String(field, 0, flen, StandardCharsets.UTF_8));
    quoted.add(wasQuoted);
    flen = 0;
  }

  /**
   * Reads the next record.
   *
   * @return false at the end of the input
   * @throws IOException on read errors
   * @throws IllegalStateException on an unterminated quoted field
   */
  boolean next() throws IOException {
    fields.clear();
    quoted.clear();
    flen = 0;
    recordStart = position();
    int c = read();
    if (c < 0) {
      return false;
    }
    blank = c == '\n' || c == '\r' && peek() == '\n';
    boolean wasQuoted = false;
    while (true) {
      if (c == '"' && flen == 0 && !wasQuoted) {
        wasQuoted = true;
        while (true) {
          c = read();
          if (c < 0) {
            throw new IllegalStateException("unterminated quoted field");
          }
          if (c == '"') {
            if (peek() == '"') {
              read();
              append('"');
            } else {
              break;
            }
          } else {
            append(c);
          }
        }
        c = read();
        continue;
      }
      if (c < 0 || c == '\n') {
        endField(wasQuoted);
        return true;
      }
      if (c == '\r' && peek() == '\n') {
        read();
        endField(wasQuoted);
        return true;
      }
      if (c == ',') {
        endField(wasQuoted);
        wasQuoted = false;
      } else {
        append(c); // text after a closing quote is kept, leniently
      }
      c = read();
    }
  }
}

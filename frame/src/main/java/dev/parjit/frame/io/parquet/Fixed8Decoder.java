package dev.parjit.frame.io.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;

/**
 * Columns whose Arrow values are 8 bytes: Float8, BigInt and TimeStampMicro. Sources that already
 * have the target bits (DOUBLE, INT64, INT64 micros) are copied page-at-a-time with one memcpy
 * when the page has no nulls; the others (FLOAT widened, millis/nanos, Spark's INT96) are converted
 * value by value, and dictionaries are converted once per chunk.
 */
final class Fixed8Decoder extends ChunkDecoder {
  /** Physical source and conversion to the 8-byte Arrow value. */
  enum Source {
    DOUBLE(8), LONG(8), FLOAT(4), MILLIS(8), NANOS(8), INT96(12);

    final int width;

    Source(int width) {
      this.width = width;
    }
  }

  private static final long JULIAN_EPOCH_DAY = 2_440_588L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private final Source source;
  private final boolean raw;
  private long[] dict = new long[0];

  Fixed8Decoder(FieldVector vector, ColumnDescriptor column, Source source) {
    super(vector, column);
    this.source = source;
    this.raw = source == Source.DOUBLE || source == Source.LONG;
  }

  private long convert(byte[] a, int p) {
    switch (source) {
      case FLOAT:
        return Double.doubleToRawLongBits(PageBytes.getFloat(a, p));
      case MILLIS:
        return PageBytes.getLong(a, p) * 1000L;
      case NANOS:
        return Math.floorDiv(PageBytes.getLong(a, p), 1000L);
      case INT96:
        return int96(a, p);
      default:
        return PageBytes.getLong(a, p);
    }
  }

  /** Spark/Impala INT96: nanoseconds of the day (8 bytes LE), then the Julian day (4 bytes LE). */
  private static long int96(byte[] a, int p) {
    long nanosOfDay = PageBytes.getLong(a, p);
    long julianDay = PageBytes.getInt(a, p + 8);
    return (julianDay - JULIAN_EPOCH_DAY) * MICROS_PER_DAY + Math.floorDiv(nanosOfDay, 1000L);
  }

  @Override
  void loadDictionary(byte[] a, int off, int end, int size) {
    PageBytes.need(off, end, (long) size * source.width);
    long[] d = new long[size];
    for (int i = 0; i < size; i++) {
      d[i] = convert(a, off + i * source.width);
    }
    dict = d;
  }

  @Override
  void plain(byte[] a, int off, int end, long row, int[] positions, int count) {
    int w = source.width;
    PageBytes.need(off, end, (long) count * w);
    ArrowBuf data = vector.getDataBuffer();
    if (positions == null && raw) {
      data.setBytes(row * 8, a, off, count * 8L);
    } else if (positions == null) {
      for (int k = 0; k < count; k++) {
        data.setLong((row + k) * 8, convert(a, off + k * w));
      }
    } else {
      for (int k = 0; k < count; k++) {
        data.setLong((row + positions[k]) * 8, convert(a, off + k * w));
      }
    }
  }

  @Override
  void dictionary(int[] ids, long row, int[] positions, int count) {
    ArrowBuf data = vector.getDataBuffer();
    long[] d = dict;
    if (positions == null) {
      for (int k = 0; k < count; k++) {
        data.setLong((row + k) * 8, d[ids[k]]);
      }
    } else {
      for (int k = 0; k < count; k++) {
        data.setLong((row + positions[k]) * 8, d[ids[k]]);
      }
    }
  }

  @Override
  void fallback(ValuesReader r, long row, int[] positions, int count) {
    ArrowBuf data = vector.getDataBuffer();
    for (int k = 0; k < count; k++) {
      long v;
      switch (source) {
        case DOUBLE:
          v = Double.doubleToRawLongBits(r.readDouble());
          break;
        case FLOAT:
          v = Double.doubleToRawLongBits(r.readFloat());
          break;
        case MILLIS:
          v = r.readLong() * 1000L;
          break;
        case NANOS:
          v = Math.floorDiv(r.readLong(), 1000L);
          break;
        case INT96: {
          Binary b = r.readBytes();
          v = int96(b.getBytesUnsafe(), 0);
          break;
        }
        default:
          v = r.readLong();
      }
      data.setLong(at(row, positions, k) * 8, v);
    }
  }
}

package dev.parjit.frame.io.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.values.ValuesReader;

/**
 * BOOLEAN columns into a BitVector. PLAIN booleans are bit-packed LSB-first, like Arrow's bitmap;
 * only set bits are written because the vector's data starts zeroed. RLE booleans (DATA_PAGE_V2
 * writers) go through the fallback reader.
 */
final class BooleanDecoder extends ChunkDecoder {
  private boolean[] dict = new boolean[0];

  BooleanDecoder(FieldVector vector, ColumnDescriptor column) {
    super(vector, column);
  }

  @Override
  void loadDictionary(byte[] a, int off, int end, int size) {
    PageBytes.need(off, end, (size + 7) / 8);
    boolean[] d = new boolean[size];
    for (int i = 0; i < size; i++) {
      d[i] = ((a[off + (i >>> 3)] >>> (i & 7)) & 1) != 0;
    }
    dict = d;
  }

  @Override
  void plain(byte[] a, int off, int end, long row, int[] positions, int count) {
    PageBytes.need(off, end, (count + 7) / 8);
    ArrowBuf data = vector.getDataBuffer();
    for (int k = 0; k < count; k++) {
      if (((a[off + (k >>> 3)] >>> (k & 7)) & 1) != 0) {
        Bits.set(data, at(row, positions, k));
      }
    }
  }

  @Override
  void dictionary(int[] ids, long row, int[] positions, int count) {
    ArrowBuf data = vector.getDataBuffer();
    for (int k = 0; k < count; k++) {
      if (dict[ids[k]]) {
        Bits.set(data, at(row, positions, k));
      }
    }
  }

  @Override
  void fallback(ValuesReader r, long row, int[] positions, int count) {
    ArrowBuf data = vector.getDataBuffer();
    for (int k = 0; k < count; k++) {
      if (r.readBoolean()) {
        Bits.set(data, at(row, positions, k));
      }
    }
  }
}

package dev.parjit.frame.io.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.values.ValuesReader;

/** INT32 columns into an IntVector: PLAIN pages without nulls are one memcpy. */
final class Fixed4Decoder extends ChunkDecoder {
  private int[] dict = new int[0];

  Fixed4Decoder(FieldVector vector, ColumnDescriptor column) {
    super(vector, column);
  }

  @Override
  void loadDictionary(byte[] a, int off, int end, int size) {
    PageBytes.need(off, end, (long) size * 4);
    int[] d = new int[size];
    for (int i = 0; i < size; i++) {
      d[i] = PageBytes.getInt(a, off + 4 * i);
    }
    dict = d;
  }

  @Override
  void plain(byte[] a, int off, int end, long row, int[] positions, int count) {
    PageBytes.need(off, end, (long) count * 4);
    ArrowBuf data = vector.getDataBuffer();
    if (positions == null) {
      data.setBytes(row * 4, a, off, count * 4L);
    } else {
      for (int k = 0; k < count; k++) {
        data.setInt((row + positions[k]) * 4, PageBytes.getInt(a, off + 4 * k));
      }
    }
  }

  @Override
  void dictionary(int[] ids, long row, int[] positions, int count) {
    ArrowBuf data = vector.getDataBuffer();
    int[] d = dict;
    for (int k = 0; k < count; k++) {
      data.setInt(at(row, positions, k) * 4, d[ids[k]]);
    }
  }

  @Override
  void fallback(ValuesReader r, long row, int[] positions, int count) {
    ArrowBuf data = vector.getDataBuffer();
    for (int k = 0; k < count; k++) {
      data.setInt(at(row, positions, k) * 4, r.readInteger());
    }
  }
}

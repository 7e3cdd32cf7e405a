package dev.parjit.frame.io.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.api.Binary;

/**
 * BYTE_ARRAY columns into a VarCharVector. Bytes are appended to the data buffer (grown by
 * doubling); offsets are written as rows are reached, so null rows get zero-length slots. The
 * append position is re-read from the offsets at each chunk start, which lets chunks of different
 * files follow each other with fresh decoders. A dictionary is kept as one byte array plus offsets.
 */
final class BinaryDecoder extends ChunkDecoder {
  private final BaseVariableWidthVector strings;
  private byte[] dictBytes = new byte[0];
  private int[] dictOffsets = new int[1];
  private long dataPos;
  /** Offsets are written for rows up to and including this one; offset[nextRow] == dataPos. */
  private long nextRow;

  BinaryDecoder(FieldVector vector, ColumnDescriptor column) {
    super(vector, column);
    this.strings = (BaseVariableWidthVector) vector;
  }

  @Override
  void startChunk(long rowBase) {
    nextRow = rowBase;
    dataPos = strings.getOffsetBuffer().getInt(rowBase * 4);
  }

  @Override
  void endChunk(long end) {
    fillOffsets(end);
  }

  private void fillOffsets(long upTo) {
    ArrowBuf offsets = strings.getOffsetBuffer();
    int p = (int) dataPos;
    for (long r = nextRow + 1; r <= upTo; r++) {
      offsets.setInt(r * 4, p);
    }
    if (upTo > nextRow) {
      nextRow = upTo;
    }
  }

  private void append(long row, byte[] src, int off, int len) {
    if (row > nextRow) {
      fillOffsets(row);
    }
    long need = dataPos + len;
    if (need > Integer.MAX_VALUE) {
      throw new ParquetDecodingException("string column exceeds 2 GiB in one vector");
    }
    ArrowBuf data = strings.getDataBuffer();
    if (need > data.capacity()) {
      strings.reallocDataBuffer(Math.max(need, 2 * data.capacity()));
      data = strings.getDataBuffer();
    }
    data.setBytes(dataPos, src, off, len);
    dataPos = need;
    strings.getOffsetBuffer().setInt((row + 1) * 4, (int) dataPos);
    nextRow = row + 1;
  }

  @Override
  void loadDictionary(byte[] a, int off, int end, int size) {
    int[] offs = new int[size + 1];
    int p = off;
    for (int i = 0; i < size; i++) {
      PageBytes.need(p, end, 4);
      int len = PageBytes.getInt(a, p);
      PageBytes.need(p + 4, end, len);
      offs[i + 1] = offs[i] + len;
      p += 4 + len;
    }
    byte[] bytes = new byte[offs[size]];
    p = off;
    for (int i = 0; i < size; i++) {
      int len = offs[i + 1] - offs[i];
      System.arraycopy(a, p + 4, bytes, offs[i], len);
      p += 4 + len;
    }
    dictBytes = bytes;
    dictOffsets = offs;
  }

  @Override
  void plain(byte[] a, int off, int end, long row, int[] positions, int count) {
    int p = off;
    for (int k = 0; k < count; k++) {
      PageBytes.need(p, end, 4);
      int len = PageBytes.getInt(a, p);
      if (len < 0) {
        throw new ParquetDecodingException("negative string length");
      }
      PageBytes.need(p + 4, end, len);
      append(at(row, positions, k), a, p + 4, len);
      p += 4 + len;
    }
  }

  @Override
  void dictionary(int[] ids, long row, int[] positions, int count) {
    byte[] bytes = dictBytes;
    int[] offs = dictOffsets;
    for (int k = 0; k < count; k++) {
      int id = ids[k];
      append(at(row, positions, k), bytes, offs[id], offs[id + 1] - offs[id]);
    }
  }

  @Override
  void fallback(ValuesReader r, long row, int[] positions, int count) {
    for (int k = 0; k < count; k++) {
      Binary b = r.readBytes();
      byte[] bytes = b.getBytesUnsafe();
      append(at(row, positions, k), bytes, 0, b.length());
    }
  }
}

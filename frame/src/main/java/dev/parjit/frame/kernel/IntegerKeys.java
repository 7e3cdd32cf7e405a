package dev.parjit.frame.kernel;

import dev.parjit.frame.DType;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Row-by-row reads of an integer-like column (int64, timestamp, int32, bool) as longs, straight from
 * the Arrow buffers: a probe over selected rows reads only those rows, without copying the column
 * into an array first. Row numbers are checked against the vector's length once per read, so a bad
 * row is an exception and never a read outside the buffer. The caller keeps the vector open.
 */
final class IntegerKeys {
  private final FieldVector vector;
  private final DType type;
  private final int rows;
  private final long data;
  private final boolean nulls;

  IntegerKeys(FieldVector v) {
    this.vector = v;
    this.type = DType.of(v);
    if (type != DType.INT64 && type != DType.TIMESTAMP && type != DType.INT32 && type != DType.BOOL) {
      throw new IllegalArgumentException("column '" + v.getName() + "' of dtype " + type.pandasName() + " is not an integer key");
    }
    this.rows = v.getValueCount();
    this.data = rows == 0 ? 0 : v.getDataBuffer().memoryAddress();
    this.nulls = v.getNullCount() > 0;
  }

  /** Whether row {@code r} holds a key (is not null). */
  boolean valid(int r) {
    return !nulls || BitVectorHelper.get(vector.getValidityBuffer(), r) != 0;
  }

  /** Row {@code r}'s key (meaningless for a null row: check {@link #valid} first). */
  long get(int r) {
    if (r < 0 || r >= rows) {
      throw new IndexOutOfBoundsException("row " + r + " of a key column of " + rows + " rows");
    }
    switch (type) {
      case INT64: case TIMESTAMP:
        return MemoryUtil.getLong(data + 8L * r);
      case INT32:
        return MemoryUtil.getInt(data + 4L * r);
      default:
        return BitVectorHelper.get(vector.getDataBuffer(), r);
    }
  }
}

package dev.parjit.frame.io.parquet;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;

/** Feeds a row range of one Arrow vector to a Parquet column writer, one type-specialised loop each. */
final class ColumnValues {
  private ColumnValues() {}

  /** Writes rows {@code [from, to)}; nulls as definition level 0, values as level 1. */
  static void write(FieldVector v, ColumnWriter w, int from, int to) {
    if (v instanceof Float8Vector d) {
      for (int i = from; i < to; i++) {
        if (d.isNull(i)) {
          w.writeNull(0, 0);
        } else {
          w.write(d.get(i), 0, 1);
        }
      }
    } else if (v instanceof BigIntVector l) {
      for (int i = from; i < to; i++) {
        if (l.isNull(i)) {
          w.writeNull(0, 0);
        } else {
          w.write(l.get(i), 0, 1);
        }
      }
    } else if (v instanceof TimeStampMicroVector t) {
      for (int i = from; i < to; i++) {
        if (t.isNull(i)) {
          w.writeNull(0, 0);
        } else {
          w.write(t.get(i), 0, 1);
        }
      }
    } else if (v instanceof IntVector n) {
      for (int i = from; i < to; i++) {
        if (n.isNull(i)) {
          w.writeNull(0, 0);
        } else {
          w.write(n.get(i), 0, 1);
        }
      }
    } else if (v instanceof BitVector b) {
      for (int i = from; i < to; i++) {
        if (b.isNull(i)) {
          w.writeNull(0, 0);
        } else {
          w.write(b.get(i) != 0, 0, 1);
        }
      }
    } else if (v instanceof VarCharVector s) {
      for (int i = from; i < to; i++) {
        if (s.isNull(i)) {
          w.writeNull(0, 0);
        } else {
          // A fresh array per value: the dictionary writer keeps references to the Binaries.
          w.write(Binary.fromConstantByteArray(s.get(i)), 0, 1);
        }
      }
    } else {
      throw new IllegalArgumentException("unsupported vector " + v.getClass().getSimpleName());
    }
  }
}

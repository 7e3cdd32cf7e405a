package dev.parjit.frame;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Element type of a {@link Series}. The Arrow mapping is fixed (I/O and the distributed layer
 * rely on it): FLOAT64 ↔ {@link Float8Vector}, INT64 ↔ {@link BigIntVector}, INT32 ↔
 * {@link IntVector}, BOOL ↔ {@link BitVector}, STRING ↔ {@link VarCharVector} (UTF-8),
 * TIMESTAMP ↔ {@link TimeStampMicroVector} (microseconds since the epoch, no time zone).
 * Every type may hold nulls (Arrow validity bits).
 */
public enum DType {
  /** 64-bit float, Arrow {@code Float8Vector}; NaN counts as missing. */
  FLOAT64("float64"),
  /** 64-bit signed integer, Arrow {@code BigIntVector}. */
  INT64("int64"),
  /** 32-bit signed integer, Arrow {@code IntVector}. */
  INT32("int32"),
  /** Boolean, Arrow {@code BitVector}. */
  BOOL("bool"),
  /** UTF-8 string, Arrow {@code VarCharVector}; pandas prints the dtype as {@code object}. */
  STRING("object"),
  /** Microseconds since 1970-01-01T00:00 without time zone, Arrow {@code TimeStampMicroVector}. */
  TIMESTAMP("datetime64[us]");

  private final String pandasName;

  DType(String pandasName) {
    this.pandasName = pandasName;
  }

  /** The dtype name pandas prints for this type ({@code float64}, {@code object}, ...). */
  public String pandasName() {
    return pandasName;
  }

  /** Numeric in the pandas {@code numeric_only=True} sense: floats, integers and booleans. */
  public boolean isNumeric() {
    return this == FLOAT64 || this == INT64 || this == INT32 || this == BOOL;
  }

  /** Integer-valued numeric types (INT64, INT32, BOOL): sums stay exact in a {@code long}. */
  public boolean isIntegral() {
    return this == INT64 || this == INT32 || this == BOOL;
  }

  /** Types whose values are read as a {@code long} (integers, booleans, timestamps in µs). */
  public boolean isLongLike() {
    return this != FLOAT64 && this != STRING;
  }

  /** A new, empty (unallocated) vector of this type. */
  public FieldVector newVector(String name, BufferAllocator allocator) {
    String n = name == null ? "" : name;
    switch (this) {
      case FLOAT64: return new Float8Vector(n, allocator);
      case INT64: return new BigIntVector(n, allocator);
      case INT32: return new IntVector(n, allocator);
      case BOOL: return new BitVector(n, allocator);
      case STRING: return new VarCharVector(n, allocator);
      case TIMESTAMP: return new TimeStampMicroVector(n, allocator);
      default: throw new AssertionError(this);
    }
  }

  /** The dtype of an Arrow vector; any other vector class is rejected with its Arrow type. */
  public static DType of(FieldVector vector) {
    if (vector instanceof Float8Vector) return FLOAT64;
    if (vector instanceof BigIntVector) return INT64;
    if (vector instanceof IntVector) return INT32;
    if (vector instanceof BitVector) return BOOL;
    if (vector instanceof VarCharVector) return STRING;
    if (vector instanceof TimeStampMicroVector) return TIMESTAMP;
    throw new IllegalArgumentException("Unsupported Arrow vector for column '" + vector.getName() + "': "
        + vector.getClass().getSimpleName() + " (" + vector.getField().getType()
        + "); supported are Float8, BigInt, Int, Bit, VarChar and TimeStampMicro (no time zone)");
  }
}

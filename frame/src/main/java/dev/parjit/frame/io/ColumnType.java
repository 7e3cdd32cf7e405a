package dev.parjit.frame.io;

import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The column types frame I/O produces, each with exactly one Arrow vector class: FLOAT64 is
 * {@code Float8Vector}, INT64 {@code BigIntVector}, INT32 {@code IntVector}, BOOL
 * {@code BitVector}, STRING {@code VarCharVector} (UTF-8) and TIMESTAMP
 * {@code TimeStampMicroVector} (microseconds since the epoch, no time zone).
 */
public enum ColumnType {
  /** 64-bit IEEE double. */
  FLOAT64(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
  /** Signed 64-bit integer. */
  INT64(new ArrowType.Int(64, true)),
  /** Signed 32-bit integer. */
  INT32(new ArrowType.Int(32, true)),
  /** Boolean. */
  BOOL(ArrowType.Bool.INSTANCE),
  /** UTF-8 string. */
  STRING(ArrowType.Utf8.INSTANCE),
  /** Microseconds since 1970-01-01T00:00:00, no time zone. */
  TIMESTAMP(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null));

  private final ArrowType arrowType;

  ColumnType(ArrowType arrowType) {
    this.arrowType = arrowType;
  }

  /** @return the Arrow type of vectors of this column type */
  public ArrowType arrowType() {
    return arrowType;
  }

  /**
   * @param name the column name, which becomes the vector name
   * @return a nullable Arrow field of this type
   */
  public Field field(String name) {
    return new Field(name, FieldType.nullable(arrowType), null);
  }

  /**
   * @param type an Arrow type
   * @return the column type whose vectors have exactly that Arrow type, or {@code null} if none
   */
  public static ColumnType of(ArrowType type) {
    for (ColumnType t : values()) {
      if (t.arrowType.equals(type)) {
        return t;
      }
    }
    return null;
  }
}

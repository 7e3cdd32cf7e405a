package dev.parjit.frame.io.parquet;

import dev.parjit.frame.io.ColumnType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The fixed Parquet-to-frame type mapping. Reading: DOUBLE and FLOAT (widened) to FLOAT64; INT64
 * (plain or signed INT annotation) to INT64; INT32 (plain or INT 8/16/32, signed, or unsigned
 * 8/16) to INT32; BOOLEAN to BOOL; BYTE_ARRAY (STRING, ENUM, JSON or unannotated, as older writers
 * omit the annotation) to STRING; INT64 TIMESTAMP(MILLIS|MICROS|NANOS) and legacy INT96 (Spark's
 * default) to TIMESTAMP. Everything else, and any non-flat column, is unsupported.
 */
final class ParquetTypes {
  private ParquetTypes() {}

  /**
   * @param type a top-level field of a Parquet schema
   * @return its frame column type
   * @throws IllegalArgumentException with the reason when the type is not supported
   */
  static ColumnType columnType(Type type) {
    if (!type.isPrimitive()) {
      throw new IllegalArgumentException("nested (group) columns are not supported");
    }
    if (type.isRepetition(Type.Repetition.REPEATED)) {
      throw new IllegalArgumentException("repeated columns are not supported");
    }
    PrimitiveType p = type.asPrimitiveType();
    LogicalTypeAnnotation ann = p.getLogicalTypeAnnotation();
    switch (p.getPrimitiveTypeName()) {
      case DOUBLE:
      case FLOAT:
        return ColumnType.FLOAT64;
      case BOOLEAN:
        return ColumnType.BOOL;
      case INT32:
        if (ann == null) {
          return ColumnType.INT32;
        }
        if (ann instanceof IntLogicalTypeAnnotation i && (i.isSigned() || i.getBitWidth() < 32)) {
          return ColumnType.INT32;
        }
        break;
      case INT64:
        if (ann == null || ann instanceof IntLogicalTypeAnnotation i && i.isSigned()) {
          return ColumnType.INT64;
        }
        if (ann instanceof TimestampLogicalTypeAnnotation) {
          return ColumnType.TIMESTAMP;
        }
        break;
      case INT96:
        return ColumnType.TIMESTAMP;
      case BINARY:
        if (ann == null
            || ann instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || ann instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
            || ann instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
          return ColumnType.STRING;
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException(
        "unsupported Parquet type " + p.getPrimitiveTypeName() + (ann == null ? "" : " (" + ann + ")"));
  }

  /**
   * @param type a frame column type
   * @param name the column name
   * @return the optional Parquet field the writer uses for it
   */
  static PrimitiveType parquetType(ColumnType type, String name) {
    PrimitiveType.PrimitiveTypeName physical;
    LogicalTypeAnnotation ann = null;
    switch (type) {
      case FLOAT64:
        physical = PrimitiveType.PrimitiveTypeName.DOUBLE;
        break;
      case INT64:
        physical = PrimitiveType.PrimitiveTypeName.INT64;
        break;
      case INT32:
        physical = PrimitiveType.PrimitiveTypeName.INT32;
        break;
      case BOOL:
        physical = PrimitiveType.PrimitiveTypeName.BOOLEAN;
        break;
      case STRING:
        physical = PrimitiveType.PrimitiveTypeName.BINARY;
        ann = LogicalTypeAnnotation.stringType();
        break;
      case TIMESTAMP:
        physical = PrimitiveType.PrimitiveTypeName.INT64;
        // Not adjusted to UTC: the vectors carry no time zone, and readers then show wall time.
        ann = LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS);
        break;
      default:
        throw new IllegalStateException(type.toString());
    }
    return Types.optional(physical).as(ann).named(name);
  }
}

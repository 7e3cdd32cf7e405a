package dev.parjit.frame.io.parquet;

import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/** Picks the decoder for a file's column from its physical type and annotation. */
final class ChunkDecoders {
  private ChunkDecoders() {}

  /**
   * @param vector the target vector, of the column's frame type
   * @param column the column in this file
   * @throws IllegalArgumentException when the type is not supported
   */
  static ChunkDecoder create(FieldVector vector, ColumnDescriptor column) {
    PrimitiveType type = column.getPrimitiveType();
    ParquetTypes.columnType(type); // rejects anything without a mapping, with the reason
    LogicalTypeAnnotation ann = type.getLogicalTypeAnnotation();
    switch (type.getPrimitiveTypeName()) {
      case DOUBLE:
        return new Fixed8Decoder(vector, column, Fixed8Decoder.Source.DOUBLE);
      case FLOAT:
        return new Fixed8Decoder(vector, column, Fixed8Decoder.Source.FLOAT);
      case INT64:
        if (ann instanceof TimestampLogicalTypeAnnotation ts) {
          switch (ts.getUnit()) {
            case MILLIS:
              return new Fixed8Decoder(vector, column, Fixed8Decoder.Source.MILLIS);
            case NANOS:
              return new Fixed8Decoder(vector, column, Fixed8Decoder.Source.NANOS);
            default:
              return new Fixed8Decoder(vector, column, Fixed8Decoder.Source.LONG);
          }
        }
        return new Fixed8Decoder(vector, column, Fixed8Decoder.Source.LONG);
      case INT96:
        return new Fixed8Decoder(vector, column, Fixed8Decoder.Source.INT96);
      case INT32:
        return new Fixed4Decoder(vector, column);
      case BOOLEAN:
        return new BooleanDecoder(vector, column);
      case BINARY:
        return new BinaryDecoder(vector, column);
      default:
        throw new IllegalArgumentException("unsupported Parquet type " + type);
    }
  }
}

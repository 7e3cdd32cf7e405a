package dev.parjit.frame.io.csv;

import dev.parjit.frame.io.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Column names (from the header row) and their inferred types.
 *
 * @param names column names, in file order
 * @param types the type of each column
 */
public record CsvSchema(List<String> names, List<ColumnType> types) {
  /** Copies the lists and checks they match. */
  public CsvSchema {
    names = List.copyOf(names);
    types = List.copyOf(types);
    if (names.size() != types.size()) {
      throw new IllegalArgumentException(names.size() + " names but " + types.size() + " types");
    }
  }

  /** @return the Arrow schema of the vectors {@link CsvReader#read} returns */
  public Schema arrowSchema() {
    return new Schema(fields());
  }

  /** @return the Arrow fields of those vectors (reading needs no {@link Schema}, whose class builds a JSON mapper) */
  public List<Field> fields() {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      fields.add(types.get(i).field(names.get(i)));
    }
    return fields;
  }
}

package dev.parjit.frame.io.parquet;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A private in-memory DuckDB for writing reference files and computing reference answers. */
final class DuckDb implements AutoCloseable {
  private final Connection conn;

  DuckDb() throws SQLException {
    conn = DriverManager.getConnection("jdbc:duckdb:");
  }

  void execute(String sql) throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute(sql);
    }
  }

  /** Writes {@code select} to a Parquet file. */
  void copy(String select, Path out, String codec, int rowGroupSize) throws SQLException {
    execute("COPY (" + select + ") TO '" + out + "' (FORMAT parquet, COMPRESSION " + codec
        + ", ROW_GROUP_SIZE " + rowGroupSize + ")");
  }

  /** All rows of a query, each as an array of JDBC objects. */
  List<Object[]> rows(String sql) throws SQLException {
    List<Object[]> out = new ArrayList<>();
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          row[i] = rs.getObject(i + 1);
        }
        out.add(row);
      }
    }
    return out;
  }

  /** The single row of a query. */
  Object[] row(String sql) throws SQLException {
    List<Object[]> r = rows(sql);
    if (r.size() != 1) {
      throw new IllegalStateException(sql + " returned " + r.size() + " rows");
    }
    return r.get(0);
  }

  @Override
  public void close() throws SQLException {
    conn.close();
  }
}

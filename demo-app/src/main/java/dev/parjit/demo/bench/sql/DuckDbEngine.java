package dev.parjit.demo.bench.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** DuckDB in process over JDBC, limited to {@code threads} threads. */
public final class DuckDbEngine implements SqlEngine {
  private final Connection connection;

  /** Opens an in-memory database. */
  public DuckDbEngine(int threads) throws Exception {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = connection.createStatement()) {
      st.execute("SET threads TO " + threads);
    }
  }

  @Override
  public SqlDialect dialect() {
    return SqlDialect.DUCKDB;
  }

  @Override
  public List<double[]> query(String sql) throws Exception {
    List<double[]> rows = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
          row[i] = rs.getDouble(i + 1);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Override
  public void execute(String statement) throws Exception {
    try (Statement st = connection.createStatement()) {
      st.execute(statement);
    }
  }

  @Override
  public void close() throws Exception {
    connection.close();
  }
}

package dev.parjit.demo.bench.sql;

import java.nio.file.Path;

/** How a SQL engine names a directory of Parquet part files in a {@code FROM} clause. */
public enum SqlDialect {
  /** {@code read_parquet('dir/*.parquet')}. */
  DUCKDB,
  /** {@code parquet.`dir`}. */
  SPARK;

  /**
   * The statement that runs {@code select} once and keeps its rows in the engine's memory as
   * {@code table} for the queries after it (Spark: {@code CACHE TABLE}, eager; DuckDB: a temporary
   * table).
   */
  public String keep(String table, String select) {
    return (this == DUCKDB ? "CREATE TEMP TABLE " : "CACHE TABLE ") + table + " AS " + select;
  }

  /** The table expression that reads every part file of {@code dir}. */
  public String parquet(Path dir) {
    String d = dir.toAbsolutePath().toString();
    return this == DUCKDB ? "read_parquet('" + d.replace("'", "''") + "/*.parquet')" : "parquet.`" + d + "`";
  }
}

package dev.parjit.demo.bench.sql;

import java.util.List;

/** A SQL engine kept open across the repetitions of one measured JVM. */
public interface SqlEngine extends AutoCloseable {

  /** The dialect of this engine. */
  SqlDialect dialect();

  /** Runs a query whose columns are all numeric; every row as doubles. */
  List<double[]> query(String sql) throws Exception;

  /** Runs a statement that returns no rows (a table kept for later queries). */
  void execute(String statement) throws Exception;

  @Override
  void close() throws Exception;
}

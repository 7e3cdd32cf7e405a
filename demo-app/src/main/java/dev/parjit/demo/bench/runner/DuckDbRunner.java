package dev.parjit.demo.bench.runner;

import dev.parjit.demo.bench.Engine;
import dev.parjit.demo.bench.sql.SqlDialect;
import dev.parjit.demo.bench.workload.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** DuckDB over JDBC in a fresh JVM, 2 threads, for the SQL-shaped workloads. */
public final class DuckDbRunner implements Runner {

  @Override
  public String label() {
    return "DuckDB (JDBC, " + BenchJvm.PARALLELISM + " threads)";
  }

  @Override
  public String id() {
    return "duckdb";
  }

  @Override
  public Optional<String> skip(Workload w) {
    return w.sql(SqlDialect.DUCKDB, dev.parjit.demo.bench.Scale.QUICK, Path.of(".")).isPresent()
        ? Optional.empty() : Optional.of("n/a");
  }

  @Override
  public List<String> command(BenchJvm jvm, Workload w) {
    List<String> cmd = new ArrayList<>(List.of(jvm.java()));
    cmd.addAll(jvm.jvmOptions());
    cmd.addAll(jvm.childArgs(w.id(), Engine.DUCKDB));
    return cmd;
  }
}

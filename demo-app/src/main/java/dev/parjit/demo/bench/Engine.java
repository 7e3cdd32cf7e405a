package dev.parjit.demo.bench;

/** What executes a workload inside one measured JVM. */
public enum Engine {
  /** The plain Java kernels ({@code @Jit} methods): sequential without the agent, Parjit with it. */
  JIT,
  /** The hand-written Java parallel-streams peer (one JVM, all cores). */
  STREAMS,
  /** DuckDB over JDBC, in process. */
  DUCKDB,
  /** Apache Spark SQL, {@code local[2]} (only with the {@code -Pspark} build). */
  SPARK
}

/**
 * The benchmark workloads. Each has a plain-Java kernel ({@code @Jit}: the sequential baseline
 * without the agent, Parjit with it), a hand-written parallel-streams peer and, when SQL-shaped,
 * a query for DuckDB and Spark; all reduce their answer to a digest the harness compares.
 */
package dev.parjit.demo.bench.workload;

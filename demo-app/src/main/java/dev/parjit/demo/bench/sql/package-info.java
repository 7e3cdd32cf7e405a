/** The SQL peers of the benchmark: DuckDB over JDBC (and Spark, in the {@code -Pspark} build). */
package dev.parjit.demo.bench.sql;

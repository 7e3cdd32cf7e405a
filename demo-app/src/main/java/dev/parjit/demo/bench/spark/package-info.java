/** Apache Spark as a benchmark peer; compiled only in the {@code -Pspark} build. */
package dev.parjit.demo.bench.spark;

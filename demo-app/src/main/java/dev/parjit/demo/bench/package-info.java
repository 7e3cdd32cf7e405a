/** Benchmarks run by {@code bin/parjit bench}. Entry point: {@link dev.parjit.demo.bench.BenchRunner}. */
package dev.parjit.demo.bench;

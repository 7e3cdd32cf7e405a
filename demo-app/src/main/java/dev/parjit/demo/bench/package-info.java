/**
 * The benchmark harness run by {@code bin/parjit bench}: {@link dev.parjit.demo.bench.BenchRunner}
 * (the command) starts one fresh JVM per workload and runner, each running
 * {@link dev.parjit.demo.bench.BenchChild}; see the {@code workload}, {@code runner} and
 * {@code report} subpackages.
 */
package dev.parjit.demo.bench;

/**
 * The runners (columns) of the benchmark: each builds the command line of a fresh JVM (or, for
 * SPMD, of the launcher and its ranks) that measures one workload, and {@link
 * dev.parjit.demo.bench.runner.ChildProcess} runs it and reads its {@code BENCH} lines.
 */
package dev.parjit.demo.bench.runner;

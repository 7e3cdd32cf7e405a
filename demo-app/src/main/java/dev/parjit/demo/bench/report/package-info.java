/**
 * Benchmark results: measurements, the answer check ({@link dev.parjit.demo.bench.report.Tolerance}),
 * the workload × runner table with its ratios, and the markdown and PNG writers.
 */
package dev.parjit.demo.bench.report;

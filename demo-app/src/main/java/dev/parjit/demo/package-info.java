/**
 * Seed examples, demo workloads and the benchmark harness. Entry point: {@code Demo}.
 */
package dev.parjit.demo;

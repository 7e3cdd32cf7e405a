/**
 * CSV reading into Apache Arrow vectors. Entry point: {@link dev.parjit.frame.io.csv.CsvReader}
 * ({@code infer} the schema, {@code split} into per-rank byte ranges, {@code read} a range).
 */
package dev.parjit.frame.io.csv;

/**
 * DataFrame and Series on Apache Arrow vectors, with Parquet and CSV I/O. Entry point: {@code DataFrame}.
 */
package dev.parjit.frame;

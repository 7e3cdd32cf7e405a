/**
 * pandas 2.x {@code print()} layout for frames and series. Entry point:
 * {@link dev.parjit.frame.format.PandasFormat}, used by {@code toString()}.
 */
package dev.parjit.frame.format;

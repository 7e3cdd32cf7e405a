/**
 * Parjit's public API: {@link dev.parjit.Jit} marks methods, {@link dev.parjit.Parjit} tells code
 * where it runs.
 */
package dev.parjit;

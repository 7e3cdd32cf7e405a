/**
 * Rewriting passes driven by an analysis result. Entry point: {@code ClassRewriter}.
 */
package dev.parjit.transforms;

/**
 * The rewriting passes, run by {@link dev.parjit.transforms.ClassRewriter} in a fixed order.
 * Each pass edits one method tree and returns {@code null} when applied or the reason it declined.
 */
package dev.parjit.transforms.passes;

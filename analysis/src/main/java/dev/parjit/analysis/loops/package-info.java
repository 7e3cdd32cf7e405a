/**
 * Loops: {@link dev.parjit.analysis.loops.NaturalLoops} (entry point) finds them,
 * {@link dev.parjit.analysis.loops.CountedLoopMatcher} recognises javac's counted {@code for} loops.
 */
package dev.parjit.analysis.loops;

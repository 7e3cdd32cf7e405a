/**
 * Distribution analysis of {@code @Jit} methods on ASM trees. Entry point: {@code MethodAnalyzer}.
 */
package dev.parjit.analysis;

/**
 * Distribution analysis of {@code @Jit} methods on ASM trees. Entry point: {@code MethodAnalyzer},
 * which runs the passes listed in {@code MethodAnalyzer.PASSES} in order; a pass declines a loop or
 * an array with a {@code Decline} naming its {@code DeclineRule}.
 */
package dev.parjit.analysis;

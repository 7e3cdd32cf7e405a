/**
 * Which effects of a {@code @Jit} method on its caller's memory spawn mode can reproduce from the
 * workers. Entry point: {@link dev.parjit.analysis.effects.EffectsAnalyzer}.
 */
package dev.parjit.analysis.effects;

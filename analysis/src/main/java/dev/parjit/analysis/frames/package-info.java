/**
 * What the analysis knows about Parjit's DataFrame API. Entry point: {@link dev.parjit.analysis.frames.FrameCalls}.
 */
package dev.parjit.analysis.frames;

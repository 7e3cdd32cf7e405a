/**
 * Data flow over ASM frames: {@link dev.parjit.analysis.dataflow.Consumers} (entry point) maps
 * each pushed value to the instructions that use it.
 */
package dev.parjit.analysis.dataflow;

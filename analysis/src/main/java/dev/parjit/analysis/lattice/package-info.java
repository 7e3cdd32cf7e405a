/**
 * The distribution lattice as an ASM {@code Interpreter}, and the fixed point that demotes escaping
 * origins to REP. Entry point: {@link dev.parjit.analysis.lattice.DistributionAnalysis}.
 */
package dev.parjit.analysis.lattice;

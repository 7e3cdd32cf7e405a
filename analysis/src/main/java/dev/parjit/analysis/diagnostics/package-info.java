/**
 * Distributed diagnostics and the no-parallelism warning, rendered from a
 * {@link dev.parjit.analysis.plan.MethodPlan}. Entry point: {@link dev.parjit.analysis.diagnostics.DiagnosticsText}.
 */
package dev.parjit.analysis.diagnostics;

/**
 * The analysis result handed to the transforms and to diagnostics. Entry point:
 * {@link dev.parjit.analysis.plan.MethodPlan}.
 */
package dev.parjit.analysis.plan;

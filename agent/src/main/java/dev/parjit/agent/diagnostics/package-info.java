/**
 * Printing distributed diagnostics and warnings in the right process, and producing them on demand.
 * Entry point: {@link dev.parjit.agent.diagnostics.DiagnosticsPrinter}.
 */
package dev.parjit.agent.diagnostics;

/**
 * Per-call timestamps for measuring spawn mode's call overhead ({@link dev.parjit.agent.trace.CallTrace},
 * off unless {@code -Dparjit.callTrace=DIR} is set).
 */
package dev.parjit.agent.trace;

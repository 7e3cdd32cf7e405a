/**
 * The Java agent. Entry point: {@code PreMain}.
 */
package dev.parjit.agent;

/**
 * Spawn mode on the driver: {@link dev.parjit.agent.spawn.SpawnDispatcher} (entry point) starts
 * the workers and ships calls over a {@link dev.parjit.agent.spawn.Channel}.
 */
package dev.parjit.agent.spawn;

/** Spawn-mode worker ranks. Entry point: {@link dev.parjit.agent.worker.WorkerMain}. */
package dev.parjit.agent.worker;

/**
 * What makes a spawn-mode program's first {@code @Jit} call come early: {@link
 * dev.parjit.agent.startup.WorkerArchive} (a class-data-sharing archive for worker JVMs, built on
 * first use) and {@link dev.parjit.agent.startup.StartupLog} (the start-up timeline at debug level).
 */
package dev.parjit.agent.startup;

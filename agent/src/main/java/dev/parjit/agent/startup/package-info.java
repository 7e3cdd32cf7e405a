/**
 * What makes a spawn-mode program's first {@code @Jit} call come early: {@link
 * dev.parjit.agent.startup.WorkerArchive} (a class-data-sharing archive for worker JVMs, built on
 * first use, an AOT cache on JDK 25 and later: {@link dev.parjit.agent.startup.AotClassLinking}; recorded
 * again when stale: {@link dev.parjit.agent.startup.ArchiveCoverage}), {@link dev.parjit.agent.startup.StartHint} (a program that compiled spawn-mode classes
 * before starts its workers as the agent starts), {@link dev.parjit.agent.startup.PreparedClasses}
 * (workers compile those classes while MPI starts), {@link dev.parjit.agent.startup.DriverArchive}
 * (the driver's archive when {@code bin/parjit java} starts it), {@link
 * dev.parjit.agent.startup.CacheSweep} (keeps those caches bounded) and {@link
 * dev.parjit.agent.startup.StartupLog} (the start-up timeline at debug level, with CPU by thread at the first answer).
 */
package dev.parjit.agent.startup;

/**
 * Starting ranks: {@link dev.parjit.mpi.launch.Launcher} (the programmatic API used by
 * {@code bin/parjit spmd} through {@link dev.parjit.mpi.launch.LauncherMain} and by spawn mode),
 * the niodev rendezvous, and {@link dev.parjit.mpi.launch.RankMain}, every rank's main class.
 */
package dev.parjit.mpi.launch;

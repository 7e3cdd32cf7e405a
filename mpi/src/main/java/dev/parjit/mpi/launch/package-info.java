/**
 * Starting ranks: {@link dev.parjit.mpi.launch.Launcher} (the programmatic API used by
 * {@code bin/parjit spmd} through {@link dev.parjit.mpi.launch.LauncherMain} and by spawn mode),
 * placement on hosts ({@link dev.parjit.mpi.launch.HostFile}, {@link dev.parjit.mpi.launch.Placement},
 * the remote shell), the addresses a job binds ({@link dev.parjit.mpi.launch.NetworkChoice}), the
 * niodev rendezvous behind the job's secret ({@link dev.parjit.mpi.launch.JobSecret}), Slurm tasks,
 * and {@link dev.parjit.mpi.launch.RankMain}, every rank's main class.
 */
package dev.parjit.mpi.launch;

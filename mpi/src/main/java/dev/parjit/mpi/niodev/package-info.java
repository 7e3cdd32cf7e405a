/**
 * How Parjit adapts MPJ Express {@code niodev} at start-up: {@link dev.parjit.mpi.niodev.NiodevPatch}
 * (the entry point, called before {@code MPI.Init}) defines {@code xdev.niodev.NIODevice} with
 * two call sites redirected to {@link dev.parjit.mpi.niodev.NiodevHooks}: its listening ports bind
 * the chosen address on ephemeral ports, and its rendezvous connection proves the job's secret.
 */
package dev.parjit.mpi.niodev;

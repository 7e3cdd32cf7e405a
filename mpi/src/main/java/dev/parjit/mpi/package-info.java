/**
 * The MPI layer: {@code Communicator} (MPJ Express niodev or a single rank). No other module imports {@code mpi.*}.
 */
package dev.parjit.mpi;

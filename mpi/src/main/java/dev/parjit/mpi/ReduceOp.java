package dev.parjit.mpi;

/** Reduction operators of {@link Communicator#allreduce}. Logical ones treat 0 as false. */
public enum ReduceOp {
  SUM, PROD, MIN, MAX, LAND, LOR, BAND, BOR, BXOR
}

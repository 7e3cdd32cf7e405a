package dev.parjit.mpi;

/**
 * The collectives Parjit needs, independent of the MPI implementation. One implementation runs
 * over MPJ Express {@code niodev}, another is a single rank for sequential runs. Code outside the
 * {@code mpi} module talks to this interface and never imports {@code mpi.*}.
 *
 * <p>Conventions: every rank calls a collective with arguments of the same shape; "v" variants
 * take contributions of any length per rank (including zero) and return them concatenated in
 * rank order. Arrays passed in are not modified unless the method says "in place". LAND and LOR
 * treat non-zero as true and answer 0 or 1; floating-point values take SUM, PROD, MIN, MAX only,
 * and their MIN and MAX are {@link Math#min(double, double)} and {@link Math#max(double, double)}
 * (a NaN on any rank wins, {@code -0.0} is below {@code 0.0}), as the sequential loop computes them.
 */
public interface Communicator extends AutoCloseable {

  int rank();

  int size();

  void barrier();

  double allreduce(double value, ReduceOp op);

  float allreduce(float value, ReduceOp op);

  long allreduce(long value, ReduceOp op);

  int allreduce(int value, ReduceOp op);

  /** Element-wise allreduce, in place: every rank ends with the combined array. */
  void allreduceInPlace(double[] values, ReduceOp op);

  void allreduceInPlace(float[] values, ReduceOp op);

  void allreduceInPlace(long[] values, ReduceOp op);

  void allreduceInPlace(int[] values, ReduceOp op);

  /** Exclusive prefix sum over ranks: rank 0 gets 0 (MPJ 0.44 has no Exscan: emulated). */
  long exscanSum(long value);

  /** Broadcast from {@code root}: returns root's bytes on every rank (the argument is ignored elsewhere). */
  byte[] bcast(byte[] data, int root);

  /** One value per rank, in rank order. */
  long[] allgather(long value);

  double[] allgatherv(double[] local);

  long[] allgatherv(long[] local);

  int[] allgatherv(int[] local);

  byte[] allgatherv(byte[] local);

  /** Concatenation of every rank's contribution on {@code root}; {@code null} on other ranks. */
  double[] gatherv(double[] local, int root);

  long[] gatherv(long[] local, int root);

  int[] gatherv(int[] local, int root);

  byte[] gatherv(byte[] local, int root);

  /**
   * Splits root's {@code all} into consecutive pieces of {@code counts[r]} elements for rank r
   * ({@code counts} and {@code all} are read on root only); returns this rank's piece.
   */
  double[] scatterv(double[] all, int[] counts, int root);

  long[] scatterv(long[] all, int[] counts, int root);

  int[] scatterv(int[] all, int[] counts, int root);

  byte[] scatterv(byte[] all, int[] counts, int root);

  /**
   * Sends {@code sendCounts[r]} consecutive elements of {@code send} to rank r; returns what
   * every rank sent here, concatenated in rank order.
   */
  double[] alltoallv(double[] send, int[] sendCounts);

  long[] alltoallv(long[] send, int[] sendCounts);

  int[] alltoallv(int[] send, int[] sendCounts);

  byte[] alltoallv(byte[] send, int[] sendCounts);

  void send(byte[] data, int dest, int tag);

  byte[] recv(int source, int tag);

  /** Finalizes the communicator (MPI_Finalize for the world communicator). Idempotent. */
  @Override
  void close();
}

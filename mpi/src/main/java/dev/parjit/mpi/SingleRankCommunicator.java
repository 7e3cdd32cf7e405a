package dev.parjit.mpi;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The communicator of a sequential run: one rank, so every collective returns this rank's own
 * contribution. Touches no MPJ class, so sequential programs never need MPJ Express.
 */
public final class SingleRankCommunicator implements Communicator {

  private final Deque<byte[]> selfMessages = new ArrayDeque<>();

  @Override public int rank() { return 0; }
  @Override public int size() { return 1; }
  @Override public void barrier() { }

  @Override public double allreduce(double value, ReduceOp op) { return value; }
  @Override public float allreduce(float value, ReduceOp op) { return value; }
  @Override public long allreduce(long value, ReduceOp op) { return normalize(value, op); }
  @Override public int allreduce(int value, ReduceOp op) { return (int) normalize(value, op); }

  /** Logical operators answer 0 or 1, as MPI's LAND/LOR do. */
  private static long normalize(long value, ReduceOp op) {
    return op == ReduceOp.LAND || op == ReduceOp.LOR ? (value != 0 ? 1 : 0) : value;
  }

  @Override public void allreduceInPlace(double[] values, ReduceOp op) { }
  @Override public void allreduceInPlace(float[] values, ReduceOp op) { }

  @Override public void allreduceInPlace(long[] values, ReduceOp op) {
    for (int i = 0; i < values.length; i++) {
      values[i] = normalize(values[i], op);
    }
  }

  @Override public void allreduceInPlace(int[] values, ReduceOp op) {
    for (int i = 0; i < values.length; i++) {
      values[i] = (int) normalize(values[i], op);
    }
  }

  @Override public long exscanSum(long value) { return 0; }
  @Override public byte[] bcast(byte[] data, int root) { checkRoot(root); return data.clone(); }
  @Override public long[] allgather(long value) { return new long[] {value}; }
  @Override public double[] allgatherv(double[] local) { return local.clone(); }
  @Override public long[] allgatherv(long[] local) { return local.clone(); }
  @Override public int[] allgatherv(int[] local) { return local.clone(); }
  @Override public byte[] allgatherv(byte[] local) { return local.clone(); }
  @Override public double[] gatherv(double[] local, int root) { checkRoot(root); return local.clone(); }
  @Override public long[] gatherv(long[] local, int root) { checkRoot(root); return local.clone(); }
  @Override public int[] gatherv(int[] local, int root) { checkRoot(root); return local.clone(); }
  @Override public byte[] gatherv(byte[] local, int root) { checkRoot(root); return local.clone(); }
  @Override public double[] scatterv(double[] all, int[] counts, int root) { checkCounts(all.length, counts, root); return all.clone(); }
  @Override public long[] scatterv(long[] all, int[] counts, int root) { checkCounts(all.length, counts, root); return all.clone(); }
  @Override public int[] scatterv(int[] all, int[] counts, int root) { checkCounts(all.length, counts, root); return all.clone(); }
  @Override public byte[] scatterv(byte[] all, int[] counts, int root) { checkCounts(all.length, counts, root); return all.clone(); }
  @Override public double[] alltoallv(double[] send, int[] sendCounts) { checkCounts(send.length, sendCounts, 0); return send.clone(); }
  @Override public long[] alltoallv(long[] send, int[] sendCounts) { checkCounts(send.length, sendCounts, 0); return send.clone(); }
  @Override public int[] alltoallv(int[] send, int[] sendCounts) { checkCounts(send.length, sendCounts, 0); return send.clone(); }
  @Override public byte[] alltoallv(byte[] send, int[] sendCounts) { checkCounts(send.length, sendCounts, 0); return send.clone(); }

  @Override public void send(byte[] data, int dest, int tag) {
    checkRoot(dest);
    selfMessages.add(data.clone());
  }

  @Override public byte[] recv(int source, int tag) {
    checkRoot(source);
    byte[] m = selfMessages.poll();
    if (m == null) {
      throw new IllegalStateException("recv from rank 0 of a single-rank run with no message sent: it would block forever");
    }
    return m;
  }

  @Override public void close() { }

  private static void checkRoot(int root) {
    if (root != 0) {
      throw new IllegalArgumentException("rank " + root + " does not exist in a single-rank run");
    }
  }

  private static void checkCounts(int length, int[] counts, int root) {
    checkRoot(root);
    if (counts.length != 1 || counts[0] != length) {
      throw new IllegalArgumentException("counts " + java.util.Arrays.toString(counts) + " do not match " + length + " elements on 1 rank");
    }
  }
}

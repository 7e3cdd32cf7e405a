package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;
import dev.parjit.mpi.ReduceOp;

/**
 * A communicator whose every collective is preceded by the ranks' failure agreement
 * ({@link LoopFailures#agree}). Distributed frame operations compute locally between collectives; when
 * one rank's local part throws (a corrupt page in its share of a file), it joins the others' next
 * agreement from its handler ({@link ParallelRuntime#collectiveCallFailed}) instead of leaving them
 * waiting in a collective, and every rank throws the same exception. Point-to-point messages pass
 * through unchanged: they are exchanged inside operations, after an agreed collective.
 */
final class AgreeingCommunicator implements Communicator {

  private final Communicator inner;

  AgreeingCommunicator(Communicator inner) {
    this.inner = inner;
  }

  /** The communicator underneath (to compare or unwrap). */
  Communicator inner() {
    return inner;
  }

  private void agree() {
    LoopFailures.agree(inner);
  }

  @Override public int rank() { return inner.rank(); }

  @Override public int size() { return inner.size(); }

  @Override public void barrier() { agree(); inner.barrier(); }

  @Override public double allreduce(double value, ReduceOp op) { agree(); return inner.allreduce(value, op); }

  @Override public float allreduce(float value, ReduceOp op) { agree(); return inner.allreduce(value, op); }

  @Override public long allreduce(long value, ReduceOp op) { agree(); return inner.allreduce(value, op); }

  @Override public int allreduce(int value, ReduceOp op) { agree(); return inner.allreduce(value, op); }

  @Override public void allreduceInPlace(double[] values, ReduceOp op) { agree(); inner.allreduceInPlace(values, op); }

  @Override public void allreduceInPlace(float[] values, ReduceOp op) { agree(); inner.allreduceInPlace(values, op); }

  @Override public void allreduceInPlace(long[] values, ReduceOp op) { agree(); inner.allreduceInPlace(values, op); }

  @Override public void allreduceInPlace(int[] values, ReduceOp op) { agree(); inner.allreduceInPlace(values, op); }

  @Override public long exscanSum(long value) { agree(); return inner.exscanSum(value); }

  @Override public byte[] bcast(byte[] data, int root) { agree(); return inner.bcast(data, root); }

  @Override public long[] allgather(long value) { agree(); return inner.allgather(value); }

  @Override public double[] allgatherv(double[] local) { agree(); return inner.allgatherv(local); }

  @Override public long[] allgatherv(long[] local) { agree(); return inner.allgatherv(local); }

  @Override public int[] allgatherv(int[] local) { agree(); return inner.allgatherv(local); }

  @Override public byte[] allgatherv(byte[] local) { agree(); return inner.allgatherv(local); }

  @Override public double[] gatherv(double[] local, int root) { agree(); return inner.gatherv(local, root); }

  @Override public long[] gatherv(long[] local, int root) { agree(); return inner.gatherv(local, root); }

  @Override public int[] gatherv(int[] local, int root) { agree(); return inner.gatherv(local, root); }

  @Override public byte[] gatherv(byte[] local, int root) { agree(); return inner.gatherv(local, root); }

  @Override public double[] scatterv(double[] all, int[] counts, int root) { agree(); return inner.scatterv(all, counts, root); }

  @Override public long[] scatterv(long[] all, int[] counts, int root) { agree(); return inner.scatterv(all, counts, root); }

  @Override public int[] scatterv(int[] all, int[] counts, int root) { agree(); return inner.scatterv(all, counts, root); }

  @Override public byte[] scatterv(byte[] all, int[] counts, int root) { agree(); return inner.scatterv(all, counts, root); }

  @Override public double[] alltoallv(double[] send, int[] sendCounts) { agree(); return inner.alltoallv(send, sendCounts); }

  @Override public long[] alltoallv(long[] send, int[] sendCounts) { agree(); return inner.alltoallv(send, sendCounts); }

  @Override public int[] alltoallv(int[] send, int[] sendCounts) { agree(); return inner.alltoallv(send, sendCounts); }

  @Override public byte[] alltoallv(byte[] send, int[] sendCounts) { agree(); return inner.alltoallv(send, sendCounts); }

  @Override public void send(byte[] data, int dest, int tag) { inner.send(data, dest, tag); }

  @Override public byte[] recv(int source, int tag) { return inner.recv(source, tag); }

  /** Not this wrapper's to close: the communicator underneath belongs to the process. */
  @Override public void close() { }
}

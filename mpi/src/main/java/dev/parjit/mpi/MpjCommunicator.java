package dev.parjit.mpi;

import mpi.Datatype;
import mpi.Intracomm;
import mpi.MPI;
import mpi.Op;

/**
 * {@link Communicator} over MPJ Express 0.44 ({@code niodev}), the world communicator of a rank
 * started by the launcher. Variable-length collectives first allgather the counts, then call the
 * MPI "v" collective with displacements. MPJ 0.44 has no Exscan (emulated with Allgather) and no
 * MPI_IN_PLACE: passing the same array as send and receive buffer works in 0.44, and saves a copy.
 */
public final class MpjCommunicator implements Communicator {

  private final Intracomm comm;
  private final int rank;
  private final int size;
  private volatile boolean closed;
  private final CollectiveOrder order;

  MpjCommunicator(Intracomm comm) {
    this.comm = comm;
    this.rank = comm.Rank();
    this.size = comm.Size();
    this.order = new CollectiveOrder(comm::Barrier);
  }

  private static Op op(ReduceOp op) {
    switch (op) {
      case SUM: return MPI.SUM;
      case PROD: return MPI.PROD;
      case MIN: return MPI.MIN;
      case MAX: return MPI.MAX;
      case LAND: return MPI.LAND;
      case LOR: return MPI.LOR;
      case BAND: return MPI.BAND;
      case BOR: return MPI.BOR;
      case BXOR: return MPI.BXOR;
      default: throw new IllegalArgumentException(op.toString());
    }
  }

  private static void checkFloatingOp(ReduceOp op) {
    if (op != ReduceOp.SUM && op != ReduceOp.PROD && op != ReduceOp.MIN && op != ReduceOp.MAX) {
      throw new IllegalArgumentException(op + " is not defined on floating-point values");
    }
  }

  @Override public int rank() { return rank; }
  @Override public int size() { return size; }
  @Override public void barrier() {
    order.enter(CollectiveOrder.Kind.BARRIER);
    comm.Barrier();
  }

  @Override
  public double allreduce(double value, ReduceOp op) {
    checkFloatingOp(op);
    if (JavaExtrema.applies(op)) {
      double[] v = {value};
      allreduceInPlace(v, op);
      return v[0];
    }
    double[] out = new double[1];
    order.enter(CollectiveOrder.Kind.ALLREDUCE);
    comm.Allreduce(new double[] {value}, 0, out, 0, 1, MPI.DOUBLE, op(op));
    return out[0];
  }

  @Override
  public float allreduce(float value, ReduceOp op) {
    checkFloatingOp(op);
    if (JavaExtrema.applies(op)) {
      return (float) allreduce((double) value, op);
    }
    float[] out = new float[1];
    order.enter(CollectiveOrder.Kind.ALLREDUCE);
    comm.Allreduce(new float[] {value}, 0, out, 0, 1, MPI.FLOAT, op(op));
    return out[0];
  }

  /**
   * MPJ 0.44 rejects LAND/LOR on LONG and does not normalise single contributions: logical
   * operators are computed as MIN/MAX over 0/1 values instead, for every integer type.
   */
  private static boolean logical(ReduceOp op) {
    return op == ReduceOp.LAND || op == ReduceOp.LOR;
  }

  private static ReduceOp asMinMax(ReduceOp op) {
    return op == ReduceOp.LAND ? ReduceOp.MIN : ReduceOp.MAX;
  }

  /** MPJ 0.44's BOR and BXOR give wrong results (caught by the collective tests): fold them here. */
  private static boolean foldedHere(ReduceOp op) {
    return op == ReduceOp.BOR || op == ReduceOp.BXOR;
  }

  private static long fold(long a, long b, ReduceOp op) {
    return op == ReduceOp.BOR ? a | b : a ^ b;
  }

  /** Element-wise BOR/BXOR: every rank gathers every contribution and folds it in rank order. */
  private void foldInPlace(long[] values, ReduceOp op) {
    long[] all = allgatherv(values);
    for (int i = 0; i < values.length; i++) {
      long acc = all[i];
      for (int r = 1; r < size; r++) {
        acc = fold(acc, all[r * values.length + i], op);
      }
      values[i] = acc;
    }
  }

  @Override
  public long allreduce(long value, ReduceOp op) {
    if (logical(op)) {
      return allreduce(value != 0 ? 1 : 0, asMinMax(op));
    }
    if (foldedHere(op)) {
      long[] v = {value};
      foldInPlace(v, op);
      return v[0];
    }
    long[] out = new long[1];
    order.enter(CollectiveOrder.Kind.ALLREDUCE);
    comm.Allreduce(new long[] {value}, 0, out, 0, 1, MPI.LONG, op(op));
    return out[0];
  }

  @Override
  public int allreduce(int value, ReduceOp op) {
    if (foldedHere(op)) {
      return (int) allreduce((long) value, op);
    }
    if (logical(op)) {
      value = value != 0 ? 1 : 0;
      op = asMinMax(op);
    }
    int[] out = new int[1];
    order.enter(CollectiveOrder.Kind.ALLREDUCE);
    comm.Allreduce(new int[] {value}, 0, out, 0, 1, MPI.INT, op(op));
    return out[0];
  }

  @Override
  public void allreduceInPlace(double[] values, ReduceOp op) {
    checkFloatingOp(op);
    if (JavaExtrema.applies(op)) {
      JavaExtrema.fold(allgatherv(values), values, op);
      return;
    }
    if (values.length > 0) {
      order.enter(CollectiveOrder.Kind.ALLREDUCE);
      comm.Allreduce(values, 0, values, 0, values.length, MPI.DOUBLE, op(op));
    }
  }

  @Override
  public void allreduceInPlace(float[] values, ReduceOp op) {
    checkFloatingOp(op);
    if (JavaExtrema.applies(op)) {
      double[] wide = new double[values.length];
      for (int i = 0; i < wide.length; i++) {
        wide[i] = values[i];
      }
      JavaExtrema.fold(allgatherv(wide), wide, op);
      for (int i = 0; i < wide.length; i++) {
        values[i] = (float) wide[i];
      }
      return;
    }
    if (values.length > 0) {
      order.enter(CollectiveOrder.Kind.ALLREDUCE);
      comm.Allreduce(values, 0, values, 0, values.length, MPI.FLOAT, op(op));
    }
  }

  @Override
  public void allreduceInPlace(long[] values, ReduceOp op) {
    if (logical(op)) {
      for (int i = 0; i < values.length; i++) {
        values[i] = values[i] != 0 ? 1 : 0;
      }
      op = asMinMax(op);
    }
    if (foldedHere(op)) {
      foldInPlace(values, op);
      return;
    }
    if (values.length > 0) {
      order.enter(CollectiveOrder.Kind.ALLREDUCE);
      comm.Allreduce(values, 0, values, 0, values.length, MPI.LONG, op(op));
    }
  }

  @Override
  public void allreduceInPlace(int[] values, ReduceOp op) {
    if (logical(op)) {
      for (int i = 0; i < values.length; i++) {
        values[i] = values[i] != 0 ? 1 : 0;
      }
      op = asMinMax(op);
    }
    if (foldedHere(op)) {
      long[] wide = new long[values.length];
      for (int i = 0; i < values.length; i++) {
        wide[i] = values[i];
      }
      foldInPlace(wide, op);
      for (int i = 0; i < values.length; i++) {
        values[i] = (int) wide[i];
      }
      return;
    }
    if (values.length > 0) {
      order.enter(CollectiveOrder.Kind.ALLREDUCE);
      comm.Allreduce(values, 0, values, 0, values.length, MPI.INT, op(op));
    }
  }

  @Override
  public long exscanSum(long value) {
    long[] all = allgather(value);
    long sum = 0;
    for (int r = 0; r < rank; r++) {
      sum += all[r];
    }
    return sum;
  }

  @Override
  public byte[] bcast(byte[] data, int root) {
    checkRank(root);
    int[] len = {rank == root ? data.length : 0};
    order.enter(CollectiveOrder.Kind.BCAST);
    comm.Bcast(len, 0, 1, MPI.INT, root);
    byte[] buf = rank == root ? data.clone() : new byte[len[0]];
    if (len[0] > 0) {
      order.enter(CollectiveOrder.Kind.BCAST);
      comm.Bcast(buf, 0, len[0], MPI.BYTE, root);
    }
    return buf;
  }

  @Override
  public long[] allgather(long value) {
    long[] out = new long[size];
    order.enter(CollectiveOrder.Kind.ALLGATHER);
    comm.Allgather(new long[] {value}, 0, 1, MPI.LONG, out, 0, 1, MPI.LONG);
    return out;
  }

  private int[] allCounts(int local) {
    int[] counts = new int[size];
    order.enter(CollectiveOrder.Kind.ALLGATHER);
    comm.Allgather(new int[] {local}, 0, 1, MPI.INT, counts, 0, 1, MPI.INT);
    return counts;
  }

  private static int[] displacements(int[] counts) {
    int[] displs = new int[counts.length];
    long at = 0;
    for (int r = 0; r < counts.length; r++) {
      displs[r] = Math.toIntExact(at);
      at += counts[r];
    }
    Math.toIntExact(at); // the result must fit one Java array
    return displs;
  }

  private static int total(int[] counts) {
    long t = 0;
    for (int c : counts) {
      t += c;
    }
    return Math.toIntExact(t);
  }

  /** MPJ mishandles zero-length buffers in some collectives: a one-element scratch stands in. */
  private static Object nonEmpty(Object buf, int length, Datatype type) {
    if (length > 0) {
      return buf;
    }
    if (type == MPI.DOUBLE) {
      return new double[1];
    } else if (type == MPI.LONG) {
      return new long[1];
    } else if (type == MPI.INT) {
      return new int[1];
    }
    return new byte[1];
  }

  @Override
  public double[] allgatherv(double[] local) {
    int[] counts = allCounts(local.length);
    double[] out = new double[total(counts)];
    if (out.length > 0) {
      order.enter(CollectiveOrder.Kind.ALLGATHERV);
      comm.Allgatherv(nonEmpty(local, local.length, MPI.DOUBLE), 0, local.length, MPI.DOUBLE, out, 0, counts, displacements(counts), MPI.DOUBLE);
    }
    return out;
  }

  @Override
  public long[] allgatherv(long[] local) {
    int[] counts = allCounts(local.length);
    long[] out = new long[total(counts)];
    if (out.length > 0) {
      order.enter(CollectiveOrder.Kind.ALLGATHERV);
      comm.Allgatherv(nonEmpty(local, local.length, MPI.LONG), 0, local.length, MPI.LONG, out, 0, counts, displacements(counts), MPI.LONG);
    }
    return out;
  }

  @Override
  public int[] allgatherv(int[] local) {
    int[] counts = allCounts(local.length);
    int[] out = new int[total(counts)];
    if (out.length > 0) {
      order.enter(CollectiveOrder.Kind.ALLGATHERV);
      comm.Allgatherv(nonEmpty(local, local.length, MPI.INT), 0, local.length, MPI.INT, out, 0, counts, displacements(counts), MPI.INT);
    }
    return out;
  }

  @Override
  public byte[] allgatherv(byte[] local) {
    int[] counts = allCounts(local.length);
    byte[] out = new byte[total(counts)];
    if (out.length > 0) {
      order.enter(CollectiveOrder.Kind.ALLGATHERV);
      comm.Allgatherv(nonEmpty(local, local.length, MPI.BYTE), 0, local.length, MPI.BYTE, out, 0, counts, displacements(counts), MPI.BYTE);
    }
    return out;
  }

  /** Gatherv; the counts are allgathered so every rank agrees whether there is anything to move. */
  private Object gatherv(Object local, int length, Object rootOut, Datatype type, int root, int[] counts) {
    if (total(counts) > 0) {
      order.enter(CollectiveOrder.Kind.GATHERV);
      comm.Gatherv(nonEmpty(local, length, type), 0, length, type,
          rank == root ? rootOut : nonEmpty(null, 0, type), 0, counts, displacements(counts), type, root);
    }
    return rank == root ? rootOut : null;
  }

  @Override
  public double[] gatherv(double[] local, int root) {
    checkRank(root);
    int[] counts = allCounts(local.length);
    return (double[]) gatherv(local, local.length, new double[rank == root ? total(counts) : 0], MPI.DOUBLE, root, counts);
  }

  @Override
  public long[] gatherv(long[] local, int root) {
    checkRank(root);
    int[] counts = allCounts(local.length);
    return (long[]) gatherv(local, local.length, new long[rank == root ? total(counts) : 0], MPI.LONG, root, counts);
  }

  @Override
  public int[] gatherv(int[] local, int root) {
    checkRank(root);
    int[] counts = allCounts(local.length);
    return (int[]) gatherv(local, local.length, new int[rank == root ? total(counts) : 0], MPI.INT, root, counts);
  }

  @Override
  public byte[] gatherv(byte[] local, int root) {
    checkRank(root);
    int[] counts = allCounts(local.length);
    return (byte[]) gatherv(local, local.length, new byte[rank == root ? total(counts) : 0], MPI.BYTE, root, counts);
  }

  /** Root's counts reach every rank first, so each knows its piece's length. */
  private int[] scatterCounts(int[] counts, int allLength, int root) {
    checkRank(root);
    int[] c = new int[size];
    if (rank == root) {
      if (counts.length != size || total(counts) != allLength) {
        throw new IllegalArgumentException("scatterv counts " + java.util.Arrays.toString(counts)
            + " must have " + size + " entries adding up to " + allLength);
      }
      System.arraycopy(counts, 0, c, 0, size);
    }
    order.enter(CollectiveOrder.Kind.BCAST);
    comm.Bcast(c, 0, size, MPI.INT, root);
    return c;
  }

  private void scatterv(Object all, int[] c, Object out, Datatype type, int root) {
    if (total(c) > 0) {
      order.enter(CollectiveOrder.Kind.SCATTERV);
      comm.Scatterv(rank == root ? nonEmpty(all, total(c), type) : nonEmpty(null, 0, type), 0, c, displacements(c), type,
          nonEmpty(out, c[rank], type), 0, c[rank], type, root);
    }
  }

  @Override
  public double[] scatterv(double[] all, int[] counts, int root) {
    int[] c = scatterCounts(counts, rank == root ? all.length : 0, root);
    double[] out = new double[c[rank]];
    scatterv(all, c, out, MPI.DOUBLE, root);
    return out;
  }

  @Override
  public long[] scatterv(long[] all, int[] counts, int root) {
    int[] c = scatterCounts(counts, rank == root ? all.length : 0, root);
    long[] out = new long[c[rank]];
    scatterv(all, c, out, MPI.LONG, root);
    return out;
  }

  @Override
  public int[] scatterv(int[] all, int[] counts, int root) {
    int[] c = scatterCounts(counts, rank == root ? all.length : 0, root);
    int[] out = new int[c[rank]];
    scatterv(all, c, out, MPI.INT, root);
    return out;
  }

  @Override
  public byte[] scatterv(byte[] all, int[] counts, int root) {
    int[] c = scatterCounts(counts, rank == root ? all.length : 0, root);
    byte[] out = new byte[c[rank]];
    scatterv(all, c, out, MPI.BYTE, root);
    return out;
  }

  /** Every rank learns what every other sends it: an allgather of the whole count matrix. */
  private int[] receiveCounts(int[] sendCounts, int sendLength) {
    if (sendCounts.length != size || total(sendCounts) != sendLength) {
      throw new IllegalArgumentException("alltoallv counts " + java.util.Arrays.toString(sendCounts)
          + " must have " + size + " entries adding up to " + sendLength);
    }
    int[] matrix = new int[size * size];
    order.enter(CollectiveOrder.Kind.ALLGATHER);
    comm.Allgather(sendCounts, 0, size, MPI.INT, matrix, 0, size, MPI.INT);
    int[] recv = new int[size];
    for (int r = 0; r < size; r++) {
      recv[r] = matrix[r * size + rank];
    }
    return recv;
  }

  private void alltoallv(Object send, int[] sendCounts, Object recv, int[] recvCounts, Datatype type) {
    order.enter(CollectiveOrder.Kind.ALLTOALLV);
    comm.Alltoallv(nonEmpty(send, total(sendCounts), type), 0, sendCounts, displacements(sendCounts), type,
        nonEmpty(recv, total(recvCounts), type), 0, recvCounts, displacements(recvCounts), type);
  }

  @Override
  public double[] alltoallv(double[] send, int[] sendCounts) {
    int[] rc = receiveCounts(sendCounts, send.length);
    double[] out = new double[total(rc)];
    alltoallv(send, sendCounts, out, rc, MPI.DOUBLE);
    return out;
  }

  @Override
  public long[] alltoallv(long[] send, int[] sendCounts) {
    int[] rc = receiveCounts(sendCounts, send.length);
    long[] out = new long[total(rc)];
    alltoallv(send, sendCounts, out, rc, MPI.LONG);
    return out;
  }

  @Override
  public int[] alltoallv(int[] send, int[] sendCounts) {
    int[] rc = receiveCounts(sendCounts, send.length);
    int[] out = new int[total(rc)];
    alltoallv(send, sendCounts, out, rc, MPI.INT);
    return out;
  }

  @Override
  public byte[] alltoallv(byte[] send, int[] sendCounts) {
    int[] rc = receiveCounts(sendCounts, send.length);
    byte[] out = new byte[total(rc)];
    alltoallv(send, sendCounts, out, rc, MPI.BYTE);
    return out;
  }

  @Override
  public void send(byte[] data, int dest, int tag) {
    checkRank(dest);
    comm.Send(new int[] {data.length}, 0, 1, MPI.INT, dest, tag);
    if (data.length > 0) {
      comm.Send(data, 0, data.length, MPI.BYTE, dest, tag);
    }
  }

  @Override
  public byte[] recv(int source, int tag) {
    checkRank(source);
    int[] len = new int[1];
    comm.Recv(len, 0, 1, MPI.INT, source, tag);
    byte[] data = new byte[len[0]];
    if (len[0] > 0) {
      comm.Recv(data, 0, len[0], MPI.BYTE, source, tag);
    }
    return data;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      MPI.Finalize();
    }
  }

  private void checkRank(int r) {
    if (r < 0 || r >= size) {
      throw new IllegalArgumentException("rank " + r + " does not exist: the job has " + size + " ranks");
    }
  }
}

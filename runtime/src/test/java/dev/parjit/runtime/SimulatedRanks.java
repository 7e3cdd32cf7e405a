package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;
import dev.parjit.mpi.ReduceOp;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * {@code p} ranks as {@code p} threads of this JVM with an in-memory communicator, so the
 * runtime and the distributed frame algorithms can be tested without MPI (runtime's tests, and
 * frame's through this module's test jar). Every collective is one exchange: each
 * rank publishes its contribution, all read every contribution, then the slots are released.
 */
public final class SimulatedRanks {

  private SimulatedRanks() { }

  /** Runs {@code body} as each rank of {@code p}; the per-rank results in rank order. */
  public static <T> List<T> run(int p, IntFunction<T> body) throws Exception {
    Object[] slots = new Object[p];
    CyclicBarrier barrier = new CyclicBarrier(p);
    ExecutorService pool = Executors.newFixedThreadPool(p);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int r = 0; r < p; r++) {
        int rank = r;
        futures.add(pool.submit(() -> {
          ParallelRuntime.installForThread(new Comm(slots, barrier, rank));
          try {
            return body.apply(rank);
          } finally {
            ParallelRuntime.reset();
          }
        }));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * How many collectives the calling rank's thread has run so far (inside {@link #run}): what a
   * rewrite's cost per loop is measured in.
   */
  public static long collectives() {
    return ((Comm) ParallelRuntime.communicator()).collectives;
  }

  /**
   * How many longs the calling rank's thread has contributed to long allreduces so far (inside
   * {@link #run}): what an agreement exchange costs.
   */
  public static long longsReduced() {
    return ((Comm) ParallelRuntime.communicator()).longsReduced;
  }

  private static final class Comm implements Communicator {
    private long collectives;
    private long longsReduced;
    private final Object[] slots;
    private final CyclicBarrier barrier;
    private final int rank;

    Comm(Object[] slots, CyclicBarrier barrier, int rank) {
      this.slots = slots;
      this.barrier = barrier;
      this.rank = rank;
    }

    private Object[] exchange(Object mine) {
      collectives++;
      slots[rank] = mine;
      await();
      Object[] all = slots.clone();
      await();
      return all;
    }

    private void await() {
      try {
        barrier.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
        throw new IllegalStateException("simulated collective failed", e);
      }
    }

    private static double combine(double a, double b, ReduceOp op) {
      return switch (op) {
        case SUM -> a + b;
        case PROD -> a * b;
        case MIN -> Math.min(a, b);
        case MAX -> Math.max(a, b);
        default -> throw new IllegalArgumentException(op + " on floating values");
      };
    }

    private static long combine(long a, long b, ReduceOp op) {
      return switch (op) {
        case SUM -> a + b;
        case PROD -> a * b;
        case MIN -> Math.min(a, b);
        case MAX -> Math.max(a, b);
        case LAND -> a != 0 && b != 0 ? 1 : 0;
        case LOR -> a != 0 || b != 0 ? 1 : 0;
        case BAND -> a & b;
        case BOR -> a | b;
        case BXOR -> a ^ b;
      };
    }

    /** Every rank's copy of {@code local} concatenated in rank order (any primitive array type). */
    private Object concat(Object local) {
      Object[] all = exchange(copy(local));
      int n = 0;
      for (Object a : all) {
        n += Array.getLength(a);
      }
      Object out = Array.newInstance(local.getClass().getComponentType(), n);
      int at = 0;
      for (Object a : all) {
        System.arraycopy(a, 0, out, at, Array.getLength(a));
        at += Array.getLength(a);
      }
      return out;
    }

    private static Object copy(Object array) {
      Object c = Array.newInstance(array.getClass().getComponentType(), Array.getLength(array));
      System.arraycopy(array, 0, c, 0, Array.getLength(array));
      return c;
    }

    /** What each rank sent to this one, concatenated in rank order. */
    private Object alltoall(Object send, int[] sendCounts) {
      Object[] all = exchange(new Object[] {copy(send), sendCounts.clone()});
      List<Object> pieces = new ArrayList<>();
      int n = 0;
      for (Object o : all) {
        Object[] pair = (Object[]) o;
        int[] counts = (int[]) pair[1];
        int at = 0;
        for (int d = 0; d < rank; d++) {
          at += counts[d];
        }
        Object piece = Array.newInstance(send.getClass().getComponentType(), counts[rank]);
        System.arraycopy(pair[0], at, piece, 0, counts[rank]);
        pieces.add(piece);
        n += counts[rank];
      }
      Object out = Array.newInstance(send.getClass().getComponentType(), n);
      int at = 0;
      for (Object piece : pieces) {
        System.arraycopy(piece, 0, out, at, Array.getLength(piece));
        at += Array.getLength(piece);
      }
      return out;
    }

    private Object scatter(Object all, int[] counts, int root) {
      Object[] from = exchange(rank == root ? new Object[] {copy(all), counts.clone()} : null);
      Object[] pair = (Object[]) from[root];
      int[] c = (int[]) pair[1];
      int at = 0;
      for (int d = 0; d < rank; d++) {
        at += c[d];
      }
      Object out = Array.newInstance(pair[0].getClass().getComponentType(), c[rank]);
      System.arraycopy(pair[0], at, out, 0, c[rank]);
      return out;
    }

    @Override public int rank() { return rank; }
    @Override public int size() { return slots.length; }
    @Override public void barrier() {
      collectives++;
      await();
    }

    @Override public double allreduce(double value, ReduceOp op) {
      double[] v = {value};
      allreduceInPlace(v, op);
      return v[0];
    }

    @Override public float allreduce(float value, ReduceOp op) { return (float) allreduce((double) value, op); }

    @Override public long allreduce(long value, ReduceOp op) {
      long[] v = {value};
      allreduceInPlace(v, op);
      return v[0];
    }

    @Override public int allreduce(int value, ReduceOp op) { return (int) allreduce((long) value, op); }

    @Override public void allreduceInPlace(double[] values, ReduceOp op) {
      Object[] all = exchange(values.clone());
      for (int i = 0; i < values.length; i++) {
        double acc = ((double[]) all[0])[i];
        for (int r = 1; r < all.length; r++) {
          acc = combine(acc, ((double[]) all[r])[i], op);
        }
        values[i] = acc;
      }
    }

    @Override public void allreduceInPlace(float[] values, ReduceOp op) {
      Object[] all = exchange(values.clone());
      for (int i = 0; i < values.length; i++) {
        double acc = ((float[]) all[0])[i];
        for (int r = 1; r < all.length; r++) {
          acc = combine(acc, ((float[]) all[r])[i], op);
        }
        values[i] = (float) acc;
      }
    }

    @Override public void allreduceInPlace(long[] values, ReduceOp op) {
      longsReduced += values.length;
      Object[] all = exchange(values.clone());
      for (Object other : all) {
        if (((long[]) other).length != values.length) {
          // MPJ matches a collective by kind and count: ranks of different counts would hang there
          throw new IllegalStateException("ranks entered one allreduce with different counts");
        }
      }
      for (int i = 0; i < values.length; i++) {
        long acc = ((long[]) all[0])[i];
        for (int r = 1; r < all.length; r++) {
          acc = combine(acc, ((long[]) all[r])[i], op);
        }
        values[i] = acc;
      }
    }

    @Override public void allreduceInPlace(int[] values, ReduceOp op) {
      Object[] all = exchange(values.clone());
      for (int i = 0; i < values.length; i++) {
        long acc = ((int[]) all[0])[i];
        for (int r = 1; r < all.length; r++) {
          acc = combine(acc, ((int[]) all[r])[i], op);
        }
        values[i] = (int) acc;
      }
    }

    @Override public long exscanSum(long value) {
      Object[] all = exchange(value);
      long acc = 0;
      for (int r = 0; r < rank; r++) {
        acc += (Long) all[r];
      }
      return acc;
    }

    @Override public byte[] bcast(byte[] data, int root) { return ((byte[]) exchange(data)[root]).clone(); }
    @Override public long[] allgather(long value) { return allgatherv(new long[] {value}); }
    @Override public double[] allgatherv(double[] local) { return (double[]) concat(local); }
    @Override public long[] allgatherv(long[] local) { return (long[]) concat(local); }
    @Override public int[] allgatherv(int[] local) { return (int[]) concat(local); }
    @Override public byte[] allgatherv(byte[] local) { return (byte[]) concat(local); }
    @Override public double[] gatherv(double[] local, int root) { double[] a = allgatherv(local); return rank == root ? a : null; }
    @Override public long[] gatherv(long[] local, int root) { long[] a = allgatherv(local); return rank == root ? a : null; }
    @Override public int[] gatherv(int[] local, int root) { int[] a = allgatherv(local); return rank == root ? a : null; }
    @Override public byte[] gatherv(byte[] local, int root) { byte[] a = allgatherv(local); return rank == root ? a : null; }
    @Override public double[] scatterv(double[] all, int[] counts, int root) { return (double[]) scatter(all, counts, root); }
    @Override public long[] scatterv(long[] all, int[] counts, int root) { return (long[]) scatter(all, counts, root); }
    @Override public int[] scatterv(int[] all, int[] counts, int root) { return (int[]) scatter(all, counts, root); }
    @Override public byte[] scatterv(byte[] all, int[] counts, int root) { return (byte[]) scatter(all, counts, root); }
    @Override public double[] alltoallv(double[] send, int[] sendCounts) { return (double[]) alltoall(send, sendCounts); }
    @Override public long[] alltoallv(long[] send, int[] sendCounts) { return (long[]) alltoall(send, sendCounts); }
    @Override public int[] alltoallv(int[] send, int[] sendCounts) { return (int[]) alltoall(send, sendCounts); }
    @Override public byte[] alltoallv(byte[] send, int[] sendCounts) { return (byte[]) alltoall(send, sendCounts); }

    @Override public void send(byte[] data, int dest, int tag) {
      throw new UnsupportedOperationException("point-to-point messages are not simulated");
    }

    @Override public byte[] recv(int source, int tag) {
      throw new UnsupportedOperationException("point-to-point messages are not simulated");
    }

    @Override public void close() { }
  }
}

package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;
import dev.parjit.mpi.ReduceOp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Simulates {@code p} ranks as {@code p} threads of this JVM with an in-memory communicator, so
 * the runtime can be tested without MPI. Only the collectives the runtime uses are implemented.
 */
final class ThreadRanks {

  private ThreadRanks() { }

  /** Runs {@code body} as each rank of {@code p}; returns the per-rank results in rank order. */
  static <T> List<T> run(int p, IntFunction<T> body) throws Exception {
    Shared shared = new Shared(p);
    ExecutorService pool = Executors.newFixedThreadPool(p);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int r = 0; r < p; r++) {
        int rank = r;
        futures.add(pool.submit(() -> {
          ParallelRuntime.installForThread(new Comm(shared, rank));
          try {
            return body.apply(rank);
          } finally {
            ParallelRuntime.reset();
          }
        }));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get(30, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static final class Shared {
    final int size;
    final Object[] slots;
    final CyclicBarrier barrier;

    Shared(int size) {
      this.size = size;
      this.slots = new Object[size];
      this.barrier = new CyclicBarrier(size);
    }
  }

  private static final class Comm implements Communicator {
    private final Shared s;
    private final int rank;

    Comm(Shared s, int rank) {
      this.s = s;
      this.rank = rank;
    }

    /** Everyone publishes, everyone reads all contributions, then the slots may be reused. */
    private Object[] exchange(Object mine) {
      s.slots[rank] = mine;
      await();
      Object[] all = s.slots.clone();
      await();
      return all;
    }

    private void await() {
      try {
        s.barrier.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException | BrokenBarrierException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("simulated collective failed", e);
      }
    }

    private static double combine(double a, double b, ReduceOp op) {
      switch (op) {
        case SUM: return a + b;
        case PROD: return a * b;
        case MIN: return Math.min(a, b);
        case MAX: return Math.max(a, b);
        default: throw new IllegalArgumentException(op + " on double");
      }
    }

    private static long combine(long a, long b, ReduceOp op) {
      switch (op) {
        case SUM: return a + b;
        case PROD: return a * b;
        case MIN: return Math.min(a, b);
        case MAX: return Math.max(a, b);
        case LAND: return (a != 0 && b != 0) ? 1 : 0;
        case LOR: return (a != 0 || b != 0) ? 1 : 0;
        case BAND: return a & b;
        case BOR: return a | b;
        case BXOR: return a ^ b;
        default: throw new IllegalArgumentException(op.toString());
      }
    }

    @Override public int rank() { return rank; }
    @Override public int size() { return s.size; }
    @Override public void barrier() { await(); }

    @Override public double allreduce(double value, ReduceOp op) {
      Object[] all = exchange(value);
      double acc = (Double) all[0];
      for (int r = 1; r < all.length; r++) {
        acc = combine(acc, (Double) all[r], op);
      }
      return acc;
    }

    @Override public float allreduce(float value, ReduceOp op) {
      return (float) allreduce((double) value, op);
    }

    @Override public long allreduce(long value, ReduceOp op) {
      Object[] all = exchange(value);
      long acc = (Long) all[0];
      for (int r = 1; r < all.length; r++) {
        acc = combine(acc, (Long) all[r], op);
      }
      return acc;
    }

    @Override public int allreduce(int value, ReduceOp op) {
      return (int) allreduce((long) value, op);
    }

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
      throw new UnsupportedOperationException("not simulated");
    }

    @Override public void allreduceInPlace(long[] values, ReduceOp op) {
      throw new UnsupportedOperationException("not simulated");
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

    @Override public byte[] bcast(byte[] data, int root) { return (byte[]) exchange(data)[root]; }

    @Override public long[] allgather(long value) {
      Object[] all = exchange(value);
      long[] out = new long[all.length];
      for (int r = 0; r < all.length; r++) {
        out[r] = (Long) all[r];
      }
      return out;
    }

    @Override public double[] allgatherv(double[] local) {
      Object[] all = exchange(local.clone()); // the caller may change its array once the call returns
      return java.util.Arrays.stream(all).flatMapToDouble(a -> java.util.Arrays.stream((double[]) a)).toArray();
    }

    @Override public long[] allgatherv(long[] local) {
      Object[] all = exchange(local.clone()); // the caller may change its array once the call returns
      return java.util.Arrays.stream(all).flatMapToLong(a -> java.util.Arrays.stream((long[]) a)).toArray();
    }

    @Override public int[] allgatherv(int[] local) {
      Object[] all = exchange(local.clone()); // the caller may change its array once the call returns
      return java.util.Arrays.stream(all).flatMapToInt(a -> java.util.Arrays.stream((int[]) a)).toArray();
    }

    @Override public byte[] allgatherv(byte[] local) {
      Object[] all = exchange(local.clone()); // the caller may change its array once the call returns
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      for (Object a : all) {
        out.writeBytes((byte[]) a);
      }
      return out.toByteArray();
    }

    private static UnsupportedOperationException notSimulated() {
      return new UnsupportedOperationException("not simulated");
    }

    @Override public double[] gatherv(double[] local, int root) { throw notSimulated(); }
    @Override public long[] gatherv(long[] local, int root) { throw notSimulated(); }
    @Override public int[] gatherv(int[] local, int root) { throw notSimulated(); }
    @Override public byte[] gatherv(byte[] local, int root) { throw notSimulated(); }
    @Override public double[] scatterv(double[] all, int[] counts, int root) { throw notSimulated(); }
    @Override public long[] scatterv(long[] all, int[] counts, int root) { throw notSimulated(); }
    @Override public int[] scatterv(int[] all, int[] counts, int root) { throw notSimulated(); }
    @Override public byte[] scatterv(byte[] all, int[] counts, int root) { throw notSimulated(); }
    @Override public double[] alltoallv(double[] send, int[] sendCounts) {
      return (double[]) alltoallvOf(send, sendCounts, double[].class);
    }
    @Override public long[] alltoallv(long[] send, int[] sendCounts) {
      return (long[]) alltoallvOf(send, sendCounts, long[].class);
    }
    @Override public int[] alltoallv(int[] send, int[] sendCounts) {
      return (int[]) alltoallvOf(send, sendCounts, int[].class);
    }

    /** Every rank's pieces for this rank, concatenated in rank order. */
    private Object alltoallvOf(Object send, int[] counts, Class<?> arrayType) {
      Object[] all = exchange(new Object[] {copyOf(send), counts.clone()});
      int total = 0;
      for (Object o : all) {
        total += ((int[]) ((Object[]) o)[1])[rank];
      }
      Object out = java.lang.reflect.Array.newInstance(arrayType.getComponentType(), total);
      int at = 0;
      for (Object o : all) {
        Object[] pair = (Object[]) o;
        int[] c = (int[]) pair[1];
        int offset = 0;
        for (int r = 0; r < rank; r++) {
          offset += c[r];
        }
        System.arraycopy(pair[0], offset, out, at, c[rank]);
        at += c[rank];
      }
      return out;
    }

    private static Object copyOf(Object array) {
      int n = java.lang.reflect.Array.getLength(array);
      Object copy = java.lang.reflect.Array.newInstance(array.getClass().getComponentType(), n);
      System.arraycopy(array, 0, copy, 0, n);
      return copy;
    }
    @Override public byte[] alltoallv(byte[] send, int[] sendCounts) { throw notSimulated(); }
    @Override public void send(byte[] data, int dest, int tag) { throw notSimulated(); }
    @Override public byte[] recv(int source, int tag) { throw notSimulated(); }
    @Override public void close() { }
  }
}

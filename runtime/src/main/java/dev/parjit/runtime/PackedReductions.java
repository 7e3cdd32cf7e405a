package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;

/**
 * The combine block of a parallel loop in one collective: the loop's scalar reductions, its array
 * reductions and its failure agreement are packed into this rank's slot of one
 * {@link AgreementExchange}, and every rank folds the ranks' partials itself, in rank order, with the
 * loop's own Java operator ({@code + * Math.min Math.max & | ^}, logical and/or over 0/1). Without it
 * a k-means step paid one collective for the agreement, one per array and one per scalar, each a
 * reduce and a broadcast through MPJ's point-to-point sends.
 *
 * <p>Semantics are those of the separate collectives: integer results are exact (wrapping as Java
 * does), floating sums and products are folded from rank 0 up (as {@code deterministic=true} does;
 * the order the README's tolerance covers), floating min/max are {@code Math.min/max} (NaN and signed
 * zeros as in the sequential loop). When a rank's iterations threw, the arrays take the partials of
 * the ranks up to the lowest failing one, that rank's own included (what the sequential run leaves
 * when it throws there), and every rank then throws that rank's failure ({@link LoopFailures#rethrow}).
 * An array whose elements do not fit in the slot's room left is combined after the exchange by its
 * own allreduce, with the same rule.
 *
 * <p>Rewritten code calls, in order: {@code combineScalar}/{@code combineArray} per reduction (this
 * thread's pending list), {@code combineLoop()} (the collective), then {@code combinedX(i)} for the
 * i-th scalar's result. The lists are per thread (simulated ranks are threads) and reused.
 */
final class PackedReductions {

  private static final ThreadLocal<PackedReductions> CURRENT = ThreadLocal.withInitial(PackedReductions::new);

  private char[] scalarTypes = new char[4];
  private int[] scalarOps = new int[4];
  /** Raw bits of each scalar: this rank's partial before the exchange, the combined value after. */
  private long[] scalarBits = new long[4];
  private int scalars;
  private Object[] arrays = new Object[4];
  private int[] arrayOps = new int[4];
  private int arrayCount;
  private boolean[] packed = new boolean[4];

  static PackedReductions current() {
    return CURRENT.get();
  }

  void scalar(char type, long bits, int op) {
    if (scalars == scalarBits.length) {
      scalarTypes = java.util.Arrays.copyOf(scalarTypes, scalars * 2);
      scalarOps = java.util.Arrays.copyOf(scalarOps, scalars * 2);
      scalarBits = java.util.Arrays.copyOf(scalarBits, scalars * 2);
    }
    scalarTypes[scalars] = type;
    scalarOps[scalars] = op;
    scalarBits[scalars++] = bits;
  }

  void array(Object a, int op) {
    if (arrayCount == arrays.length) {
      arrays = java.util.Arrays.copyOf(arrays, arrayCount * 2);
      arrayOps = java.util.Arrays.copyOf(arrayOps, arrayCount * 2);
    }
    arrays[arrayCount] = a;
    arrayOps[arrayCount++] = op;
  }

  /** The i-th scalar's combined value (raw bits), valid after {@link #combine}. */
  long result(int i) {
    return scalarBits[i];
  }

  /**
   * Collective: combines the pending reductions and agrees on the loop's failure; throws the agreed
   * failure on every rank, after the arrays were combined up to the failing rank.
   */
  void combine(Communicator comm) {
    try {
      if (comm.size() == 1) {
        LoopFailures.rethrow(comm, LoopFailures.pending() != null ? 0 : 1);
        return;
      }
      exchange(comm);
    } finally {
      java.util.Arrays.fill(arrays, 0, arrayCount, null); // no reference kept past the call
      arrayCount = 0;
      scalars = 0;
    }
  }

  private void exchange(Communicator comm) {
    int size = comm.size();
    int rank = comm.rank();
    // The same arrays (replicated, equal lengths) on every rank: every rank packs the same ones, so
    // every rank computes the same slot.
    if (packed.length < arrayCount) {
      packed = new boolean[arrays.length];
    }
    if (scalars > AgreementExchange.ROOM) {
      // The analysis declines such loops (ScalarReduction.MAX_PER_LOOP); every rank queued the same
      // count, so every rank throws here rather than writing past its slot.
      throw new IllegalStateException(scalars + " scalar reductions in one loop; at most " + AgreementExchange.ROOM
          + " are combined together");
    }
    int words = scalars;
    for (int k = 0; k < arrayCount; k++) {
      int n = java.lang.reflect.Array.getLength(arrays[k]);
      packed[k] = words + n <= AgreementExchange.ROOM; // set either way: the flags are reused from call to call
      if (packed[k]) {
        words += n;
      }
    }
    int slot = AgreementExchange.slot(words);
    long[] buf = AgreementExchange.buffer(size, slot);
    int base = rank * slot;
    buf[base] = LoopFailures.pending() != null ? AgreementExchange.FAILED_IN_LOOP : 0;
    int at = base + 1;
    for (int s = 0; s < scalars; s++) {
      buf[at++] = scalarBits[s];
    }
    for (int k = 0; k < arrayCount; k++) {
      if (packed[k]) {
        at = pack(arrays[k], buf, at);
      }
    }
    AgreementExchange.run(comm, buf);
    int first = AgreementExchange.lowestFailed(buf, size, slot);
    boolean elsewhere = first < size && AgreementExchange.flag(buf, first, slot) == AgreementExchange.FAILED_ELSEWHERE;
    // A rank that failed elsewhere is not in this loop's collectives: no array takes its own allreduce then.
    boolean absent = false;
    for (int r = first; r < size && !absent; r++) {
      absent = AgreementExchange.flag(buf, r, slot) == AgreementExchange.FAILED_ELSEWHERE;
    }
    // Ranks whose partials the arrays take: all, or up to the failing one (excluded when it never ran the loop).
    int last = first == size ? size - 1 : elsewhere ? first - 1 : first;
    for (int s = 0; s < scalars; s++) {
      scalarBits[s] = foldScalar(buf, slot, 1 + s, scalarTypes[s], scalarOps[s], size);
    }
    int offset = 1 + scalars;
    for (int k = 0; k < arrayCount; k++) {
      if (packed[k]) {
        offset = unpack(arrays[k], arrayOps[k], buf, slot, offset, last);
      } else if (!absent) {
        allreduceAfter(arrays[k], arrayOps[k], first);
      }
    }
    LoopFailures.rethrow(comm, first);
    // No rank failed: a floating sum or product that overflowed part-way may end the call here.
    for (int s = 0; s < scalars; s++) {
      if (scalarTypes[s] == 'D') {
        NonFiniteReductions.check(Double.longBitsToDouble(scalarBits[s]), scalarOps[s], size);
      } else if (scalarTypes[s] == 'F') {
        NonFiniteReductions.check(Float.intBitsToFloat((int) scalarBits[s]), scalarOps[s], size);
      }
    }
    for (int k = 0; k < arrayCount; k++) {
      if (packed[k]) { // the others were checked by their own allreduce
        NonFiniteReductions.check(arrays[k], arrayOps[k], size);
      }
    }
  }

  private static int pack(Object a, long[] buf, int at) {
    if (a instanceof double[] d) {
      for (double v : d) {
        buf[at++] = Double.doubleToRawLongBits(v);
      }
    } else if (a instanceof float[] f) {
      for (float v : f) {
        buf[at++] = Float.floatToRawIntBits(v);
      }
    } else if (a instanceof long[] l) {
      System.arraycopy(l, 0, buf, at, l.length);
      at += l.length;
    } else {
      for (int v : (int[]) a) {
        buf[at++] = v;
      }
    }
    return at;
  }

  /** Writes the fold over ranks {@code 0..last} of the array's packed words into it; returns the next offset. */
  private static int unpack(Object a, int op, long[] buf, int slot, int offset, int last) {
    if (a instanceof double[] d) {
      for (int i = 0; i < d.length; i++, offset++) {
        if (last < 0) {
          continue;
        }
        double acc = Double.longBitsToDouble(buf[offset]);
        for (int r = 1; r <= last; r++) {
          acc = Folds.ofDouble(acc, Double.longBitsToDouble(buf[r * slot + offset]), op);
        }
        d[i] = acc;
      }
    } else if (a instanceof float[] f) {
      for (int i = 0; i < f.length; i++, offset++) {
        if (last < 0) {
          continue;
        }
        float acc = Float.intBitsToFloat((int) buf[offset]);
        for (int r = 1; r <= last; r++) {
          acc = Folds.ofFloat(acc, Float.intBitsToFloat((int) buf[r * slot + offset]), op);
        }
        f[i] = acc;
      }
    } else if (a instanceof long[] l) {
      for (int i = 0; i < l.length; i++, offset++) {
        if (last < 0) {
          continue;
        }
        long acc = Folds.normalized(buf[offset], op);
        for (int r = 1; r <= last; r++) {
          acc = Folds.ofLong(acc, buf[r * slot + offset], op);
        }
        l[i] = acc;
      }
    } else {
      int[] n = (int[]) a;
      for (int i = 0; i < n.length; i++, offset++) {
        if (last < 0) {
          continue;
        }
        int acc = (int) Folds.normalized(buf[offset], op);
        for (int r = 1; r <= last; r++) {
          acc = Folds.ofInt(acc, (int) buf[r * slot + offset], op);
        }
        n[i] = acc;
      }
    }
    return offset;
  }

  private static long foldScalar(long[] buf, int slot, int offset, char type, int op, int size) {
    switch (type) {
      case 'D': {
        double acc = Double.longBitsToDouble(buf[offset]);
        for (int r = 1; r < size; r++) {
          acc = Folds.ofDouble(acc, Double.longBitsToDouble(buf[r * slot + offset]), op);
        }
        return Double.doubleToRawLongBits(acc);
      }
      case 'F': {
        float acc = Float.intBitsToFloat((int) buf[offset]);
        for (int r = 1; r < size; r++) {
          acc = Folds.ofFloat(acc, Float.intBitsToFloat((int) buf[r * slot + offset]), op);
        }
        return Float.floatToRawIntBits(acc);
      }
      case 'J': {
        long acc = Folds.normalized(buf[offset], op);
        for (int r = 1; r < size; r++) {
          acc = Folds.ofLong(acc, buf[r * slot + offset], op);
        }
        return acc;
      }
      default: {
        int acc = (int) Folds.normalized(buf[offset], op);
        for (int r = 1; r < size; r++) {
          acc = Folds.ofInt(acc, (int) buf[r * slot + offset], op);
        }
        return acc;
      }
    }
  }

  private static void allreduceAfter(Object a, int op, int first) {
    if (a instanceof double[] d) {
      ParallelRuntime.arrayAllreduceAfter(d, op, first);
    } else if (a instanceof float[] f) {
      ParallelRuntime.arrayAllreduceAfter(f, op, first);
    } else if (a instanceof long[] l) {
      ParallelRuntime.arrayAllreduceAfter(l, op, first);
    } else {
      ParallelRuntime.arrayAllreduceAfter((int[]) a, op, first);
    }
  }
}

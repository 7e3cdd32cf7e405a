package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;
import dev.parjit.mpi.ReduceOp;
import java.util.Arrays;

/**
 * The one collective every failure agreement runs: each rank fills its own slot of {@link #SLOT}
 * longs (word 0 its failure flag, then whatever the caller packs) in a buffer of {@code size * SLOT}
 * zeros, and one long {@code SUM} allreduce gives every rank every slot exactly (each word has one
 * non-zero contributor). The slot has one fixed size whatever is packed, so a rank that joins with its
 * flag only (a frame operation failed there: {@link LoopFailures#agree}) meets ranks that pack a
 * loop's partial reductions ({@link PackedReductions}) in the same collective: MPJ matches collectives
 * by kind and count, and two agreements of different shapes would hang.
 */
final class AgreementExchange {

  /** Longs per rank: the flag and up to 63 words of partial results. */
  static final int SLOT = 64;

  /** Flag of a rank whose iterations of the loop being combined threw: its partials count. */
  static final long FAILED_IN_LOOP = 1;

  /** Flag of a rank that failed elsewhere (a frame operation) and packed nothing. */
  static final long FAILED_ELSEWHERE = 2;

  private static final ThreadLocal<long[]> BUFFER = new ThreadLocal<>();

  private AgreementExchange() { }

  /**
   * This thread's buffer for {@code size} ranks, zeroed: the caller writes its slot from
   * {@code rank * SLOT} and then calls {@link #run}. Reused from call to call.
   */
  static long[] buffer(int size) {
    long[] b = BUFFER.get();
    if (b == null || b.length != size * SLOT) {
      b = new long[size * SLOT];
      BUFFER.set(b);
    } else {
      Arrays.fill(b, 0L);
    }
    return b;
  }

  /** Collective: every rank's slot on every rank. */
  static void run(Communicator comm, long[] buffer) {
    comm.allreduceInPlace(buffer, ReduceOp.SUM);
  }

  /** The failure flag of {@code rank} in an exchanged buffer. */
  static long flag(long[] buffer, int rank) {
    return buffer[rank * SLOT];
  }

  /** The lowest rank whose flag is set, or {@code size} when none is. */
  static int lowestFailed(long[] buffer, int size) {
    for (int r = 0; r < size; r++) {
      if (flag(buffer, r) != 0) {
        return r;
      }
    }
    return size;
  }
}

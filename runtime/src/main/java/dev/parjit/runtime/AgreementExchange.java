package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;
import dev.parjit.mpi.ReduceOp;
import java.util.Arrays;

/**
 * The one collective every failure agreement runs: each rank fills its own slot of {@code slot} longs
 * (word 0 its failure flag, then whatever the caller packs) in a buffer of {@code size * slot} zeros,
 * and one long {@code SUM} allreduce gives every rank every slot exactly (each word has one non-zero
 * contributor).
 *
 * <p>The slot's width is the one rule {@link #slot(int)}: MPJ matches collectives by kind and count,
 * so every rank that may meet another in an agreement must choose the same width. A rank whose
 * distributed frame operation failed alone joins the others' next agreement with its flag only
 * ({@link LoopFailures#agree}), not knowing which loop they are combining; that can happen only while
 * a frame operation started since the last loop agreement ({@link LoopFailures#frameCallsSinceAgreement},
 * the same on every rank that did not fail), and then every agreement takes the {@link #WIDE} slot,
 * flag-only or packed alike. Otherwise all ranks are in the same combine block, and the slot is exactly
 * the flag and the loop's packed words: a loop without reductions exchanges one long per rank.
 */
final class AgreementExchange {

  /** Longs per rank while a rank may be waiting with its flag only: the flag and up to 63 words. */
  static final int WIDE = 64;

  /** The most words a loop packs beside its flag: arrays beyond this room take their own allreduce. */
  static final int ROOM = WIDE - 1;

  /** Flag of a rank whose iterations of the loop being combined threw: its partials count. */
  static final long FAILED_IN_LOOP = 1;

  /** Flag of a rank that failed elsewhere (a frame operation) and packed nothing. */
  static final long FAILED_ELSEWHERE = 2;

  private static final ThreadLocal<long[]> BUFFER = new ThreadLocal<>();

  private AgreementExchange() { }

  /**
   * Longs per rank of an agreement packing {@code words} beside the flag (at most {@link #ROOM}): the
   * flag and those words, or {@link #WIDE} while a rank may be waiting in a flag-only agreement (see the
   * class comment). The same on every rank that reaches the same agreement.
   */
  static int slot(int words) {
    return LoopFailures.frameCallsSinceAgreement() ? WIDE : 1 + words;
  }

  /**
   * This thread's buffer for {@code size} ranks of {@code slot} longs, zeroed: the caller writes its
   * slot from {@code rank * slot} and then calls {@link #run}. Reused from call to call.
   */
  static long[] buffer(int size, int slot) {
    long[] b = BUFFER.get();
    int n = size * slot;
    if (b == null || b.length != n) {
      b = new long[n];
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

  /** The failure flag of {@code rank} in an exchanged buffer of {@code slot} longs per rank. */
  static long flag(long[] buffer, int rank, int slot) {
    return buffer[rank * slot];
  }

  /** The lowest rank whose flag is set, or {@code size} when none is. */
  static int lowestFailed(long[] buffer, int size, int slot) {
    for (int r = 0; r < size; r++) {
      if (flag(buffer, r, slot) != 0) {
        return r;
      }
    }
    return size;
  }
}

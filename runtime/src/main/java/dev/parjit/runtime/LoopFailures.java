package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;
import dev.parjit.mpi.ReduceOp;

/**
 * The one place where ranks agree on how a parallel loop ended. A rank whose iterations threw
 * records the failure ({@link #failed}) and goes on to the loop's combine block like the others;
 * there every rank calls {@link #agree}: one allreduce (MIN of "my rank if I failed, else the
 * size") tells everyone whether and where a failure happened. The lowest failing rank wins,
 * because its iterations come first in the sequential order: it broadcasts its failure and
 * rethrows its own exception object, while the others throw the same type and message rebuilt
 * from the broadcast ({@link FailureRecord}). Without this, the ranks that did not fail would
 * wait forever in the reductions after the loop, or return numbers missing the failed chunk.
 *
 * <p>The pending failure is per thread (simulated ranks are threads) and is cleared on every
 * path out of {@link #agree} and when a compiled method is entered, so it never leaks into a
 * later call.
 */
final class LoopFailures {

  private static final ThreadLocal<Throwable> PENDING = new ThreadLocal<>();
  /**
   * Whether this thread's latest agreement threw: the exception now unwinding (possibly rewrapped by
   * the code it passes through) is known to every rank, so a handler must not agree on it again.
   */
  private static final ThreadLocal<Boolean> AGREED = ThreadLocal.withInitial(() -> false);

  private LoopFailures() { }

  /** This rank's iterations threw {@code t}; the first failure of the loop is the one kept. */
  static void failed(Throwable t) {
    if (PENDING.get() == null) {
      PENDING.set(t);
    }
  }

  /** Forgets a pending or agreed failure (a new call starts). */
  static void clear() {
    PENDING.remove();
    AGREED.set(false);
  }

  /** Collective: returns normally when no rank failed, else throws the agreed failure on every rank. */
  static void agree(Communicator comm) {
    rethrow(comm, firstFailed(comm));
  }

  /**
   * Collective, first half of {@link #agree}: the lowest rank whose iterations failed, or the size
   * when none did. This rank's failure stays pending for {@link #rethrow}.
   */
  static int firstFailed(Communicator comm) {
    Throwable mine = PENDING.get();
    int size = comm.size();
    if (size == 1) {
      return mine != null ? 0 : 1;
    }
    return comm.allreduce(mine != null ? comm.rank() : size, ReduceOp.MIN);
  }

  /**
   * Collective: {@link #agree} and the sum over ranks of {@code v} in one allreduce, for a loop whose
   * combine block would otherwise run the agreement and its floating sum one after the other. Every
   * rank adds its partial sum (0 when it failed) and a 1 at its own position when it failed, so the
   * sum names each failing rank and the lowest wins as in {@link #agree}; then every rank throws the
   * agreed failure, or returns the sum.
   */
  static double agreeWithSum(Communicator comm, double v) {
    Throwable mine = PENDING.get();
    int size = comm.size();
    double[] sums = new double[1 + size];
    sums[0] = mine == null ? v : 0;
    sums[1 + comm.rank()] = mine == null ? 0 : 1;
    comm.allreduceInPlace(sums, ReduceOp.SUM);
    int first = size;
    for (int r = 0; r < size && first == size; r++) {
      first = sums[1 + r] != 0 ? r : size;
    }
    rethrow(comm, first);
    return sums[0];
  }

  /**
   * As {@link #agree} for a loop counting down: its highest rank runs the first iterations in the
   * sequential order, so the highest failing rank wins.
   */
  static void agreeDescending(Communicator comm) {
    Throwable mine = PENDING.get();
    int size = comm.size();
    int last = size == 1 ? (mine != null ? 0 : -1) : comm.allreduce(mine != null ? comm.rank() : -1, ReduceOp.MAX);
    rethrow(comm, last < 0 ? size : last);
  }

  /** Collective when {@code first} is a rank, second half of {@link #agree}: every rank throws its failure. */
  static void rethrow(Communicator comm, int first) {
    Throwable mine = PENDING.get();
    PENDING.remove();
    int size = comm.size();
    if (first >= size) {
      AGREED.set(false);
      return;
    }
    if (size == 1) {
      AGREED.set(true);
      throw Sneaky.unchecked(mine);
    }
    int rank = comm.rank();
    FailureRecord record = rank == first ? FailureRecord.of(mine) : null;
    byte[] failure = comm.bcast(rank == first ? record.encode() : new byte[0], first);
    AGREED.set(true); // whatever is thrown from here on is the agreed failure
    if (rank == first) {
      // The others rebuild what the failing rank throws; when they cannot, it throws their wrapper too,
      // so that no rank takes a handler the others skip.
      throw Sneaky.unchecked(record.rebuildable() ? mine : record.wrapper(first, mine));
    }
    throw FailureRecord.decode(failure).rebuildOrWrap(first);
  }

  /** Whether the latest agreement threw (and forgets it): the failure unwinding is already agreed. */
  static boolean takeAgreed() {
    boolean agreed = AGREED.get();
    AGREED.set(false);
    return agreed;
  }
}

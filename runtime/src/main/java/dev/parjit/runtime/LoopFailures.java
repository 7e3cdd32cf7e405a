package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;
import dev.parjit.mpi.ReduceOp;

/**
 * The one place where ranks agree on how a parallel loop ended. A rank whose iterations threw
 * records the failure ({@link #failed}) and goes on to the loop's combine block like the others;
 * there every rank calls {@link #agree}: one exchange of failure flags ({@link AgreementExchange},
 * which a loop's packed reductions share: {@link PackedReductions}) tells everyone whether and where a
 * failure happened. The lowest failing rank wins,
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
    LoopOutput.release(true); // a loop left without its agreement: its lines are not lost
    PENDING.remove();
    AGREED.set(false);
    // FRAME_CALLS stays: a nested compiled call enters here while its caller's frame operations may
    // still owe an exit agreement (every rank keeps the same value, so a stale one costs a collective)
  }

  /**
   * Whether a distributed frame operation started on this thread since the last loop agreement. Every
   * rank runs the same frame operations in the same order, so the ranks that did not fail hold the same
   * value; a rank whose operation failed after its last collective waits in an agreement, and the
   * others' value is then true: they meet it at the method's exit agreement, which they may skip when
   * the value is false.
   */
  private static final ThreadLocal<Boolean> FRAME_CALLS = ThreadLocal.withInitial(() -> false);

  /** A distributed frame operation starts (before its failure handler's range). */
  static void frameCallStarts() {
    FRAME_CALLS.set(true);
  }

  /** Whether a frame operation started since the last loop agreement (see {@link #loopAgreed}). */
  static boolean frameCallsSinceAgreement() {
    return FRAME_CALLS.get();
  }

  /** A loop's agreement (or a method's exit agreement) completed on every rank without a failure. */
  /**
   * Every rank is about to throw the same failure without an agreement (a reduction every rank
   * combined alike: {@link NonFiniteReductions}): a handler must not agree on it again.
   */
  static void markAgreed() {
    AGREED.set(true);
  }

  static void loopAgreed() {
    FRAME_CALLS.set(false);
  }

  /** Collective: returns normally when no rank failed, else throws the agreed failure on every rank. */
  static void agree(Communicator comm) {
    rethrow(comm, firstFailed(comm));
  }

  /**
   * Collective, first half of {@link #agree}: the lowest rank whose iterations failed, or the size
   * when none did. This rank's failure stays pending for {@link #rethrow}. Runs the one agreement
   * collective ({@link AgreementExchange}) with the flag alone, so a rank here meets ranks combining a
   * loop's reductions ({@link PackedReductions}) in the same collective.
   */
  static int firstFailed(Communicator comm) {
    Throwable mine = PENDING.get();
    int size = comm.size();
    if (size == 1) {
      return mine != null ? 0 : 1;
    }
    int slot = AgreementExchange.slot(0);
    long[] buf = AgreementExchange.buffer(size, slot);
    buf[comm.rank() * slot] = mine != null ? AgreementExchange.FAILED_ELSEWHERE : 0;
    AgreementExchange.run(comm, buf);
    return AgreementExchange.lowestFailed(buf, size, slot);
  }

  /** This thread's pending failure, if any (kept for {@link #rethrow}). */
  static Throwable pending() {
    return PENDING.get();
  }

  /**
   * As {@link #agree} for a loop counting down: its highest rank runs the first iterations in the
   * sequential order, so the highest failing rank wins.
   */
  static void agreeDescending(Communicator comm) {
    Throwable mine = PENDING.get();
    int size = comm.size();
    if (size == 1) {
      rethrow(comm, mine != null ? 0 : 1, true);
      return;
    }
    int slot = AgreementExchange.slot(0);
    long[] buf = AgreementExchange.buffer(size, slot);
    buf[comm.rank() * slot] = mine != null ? AgreementExchange.FAILED_ELSEWHERE : 0;
    AgreementExchange.run(comm, buf);
    int last = size;
    for (int r = size - 1; r >= 0 && last == size; r--) {
      last = AgreementExchange.flag(buf, r, slot) != 0 ? r : size;
    }
    rethrow(comm, last, true);
  }

  /** Collective when {@code first} is a rank, second half of {@link #agree}: every rank throws its failure. */
  static void rethrow(Communicator comm, int first) {
    rethrow(comm, first, false);
  }

  /**
   * As {@link #rethrow(Communicator, int)}; {@code descending}: the loop counts down, so the ranks
   * above the failing one ran the iterations before it. Releases the loop's held output
   * ({@link LoopOutput}) first: only the ranks whose iterations the sequential run reaches keep it.
   */
  static void rethrow(Communicator comm, int first, boolean descending) {
    Throwable mine = PENDING.get();
    PENDING.remove();
    int size = comm.size();
    LoopOutput.release(first >= size || (descending ? comm.rank() >= first : comm.rank() <= first));
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

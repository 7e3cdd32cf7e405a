package dev.parjit.mpi;

/**
 * Keeps MPJ Express 0.44 from mixing up two consecutive collectives. Its collectives use one fixed
 * tag per kind, and a rank that finishes a collective early can send the next one's message before
 * a slower peer has matched the first: niodev then may hand the later message to the earlier
 * receive (seen as "tag <34006>" and a failed unpack in Allgather, then a hang). Collectives whose
 * completion needs every peer's reply (Allreduce after Allreduce) cannot overtake; for the others
 * a barrier between two of the same kind makes every peer finish the first before the second starts.
 */
final class CollectiveOrder {

  /** The MPJ collective about to run. */
  enum Kind { BARRIER, ALLREDUCE, BCAST, ALLGATHER, ALLGATHERV, GATHERV, SCATTERV, ALLTOALLV }

  private final Runnable barrier;
  private Kind last = Kind.BARRIER;

  CollectiveOrder(Runnable barrier) {
    this.barrier = barrier;
  }

  /** Called before each collective, on every rank in the same order. */
  synchronized void enter(Kind next) {
    if (mayOvertake(last, next)) {
      barrier.run();
    }
    last = next;
  }

  /** Whether {@code next}'s messages may reach a peer still matching {@code previous}'s. */
  static boolean mayOvertake(Kind previous, Kind next) {
    if (next == Kind.BARRIER || previous == Kind.BARRIER) {
      return false;
    }
    if (next == Kind.ALLREDUCE) {
      return false; // its reduce phase waits for every peer before its broadcast phase sends
    }
    if (next == Kind.BCAST) {
      return previous == Kind.BCAST || previous == Kind.ALLREDUCE; // both end with a root-to-leaf send
    }
    return previous == next;
  }
}

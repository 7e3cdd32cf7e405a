package dev.parjit.agent.worker;

import dev.parjit.agent.spawn.FrameTransport;
import dev.parjit.agent.spawn.Messages;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.FrameMemory;
import dev.parjit.frame.kernel.FrameCodec;
import dev.parjit.lazy.WorkerResults;

/**
 * A worker's lazy results on the channel: the messages around {@link WorkerResults}. Loaded only
 * when a call involves frames, so workers of programs without the frame library never need it.
 */
final class WorkerFrames {

  private WorkerFrames() { }

  /**
   * What rank {@code rank} sends back for a call's result: a distributed frame stays here under the
   * call's id and the driver gets its metadata and first rows (every rank takes part in building
   * them); anything else as before.
   */
  static Object result(long callId, Object value, int rank) {
    if (value instanceof DataFrame df && WorkerResults.isDistributed(df)) {
      DataFrame preview = WorkerResults.keep(callId, df, rank);
      if (rank != 0) {
        return null;
      }
      String[] names = df.columns().toArray(new String[0]);
      String[] types = new String[names.length];
      for (int i = 0; i < names.length; i++) {
        types[i] = df.dtype(names[i]).name();
      }
      return new Messages.LazyResult(callId, WorkerResults.globalRows(df), names, types, FrameCodec.encode(preview));
    }
    return rank == 0 ? FrameTransport.toWire(value) : null;
  }

  /** Rows of a lazy result, gathered on rank 0 for the driver. */
  static Object fetch(Messages.Fetch f, int rank) {
    DataFrame rows = WorkerResults.rows(f.resultId(), f.part(), f.k(), rank);
    return rank == 0 ? FrameTransport.toWire(rows) : null;
  }

  /** Frees lazy results the driver dropped. */
  static void free(long[] ids) {
    WorkerResults.free(ids);
  }

  /** Rows this rank handled in each distributed frame path (tests check a path ran distributed). */
  static java.util.Map<String, Long> counters() {
    return dev.parjit.frame.dist.FrameCounters.snapshot();
  }

  /**
   * This worker's lazy results and Arrow memory, after a garbage collection: frames nobody
   * references any more free their Arrow memory through a cleaner, so a debug reading waits for
   * that instead of counting garbage.
   */
  static long arrowBytesAfterGc() {
    long before;
    long after = FrameMemory.allocatedBytes();
    int rounds = 0;
    do {
      before = after;
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      after = FrameMemory.allocatedBytes();
    } while (after < before && ++rounds < 20);
    return after;
  }
}

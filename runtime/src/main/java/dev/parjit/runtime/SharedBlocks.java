package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;
import java.lang.reflect.Array;

/**
 * After a parallel loop (SPMD mode) that wrote a replicated array at exactly its index
 * ({@code a[i] = e}, {@code a} whole on every rank): each rank wrote only elements of its own part of
 * the loop's range, on its own copy, so the ranks exchange those parts and every copy ends as the
 * sequential loop leaves it. Elements of a part the loop did not write (a step over 1, a store under an
 * {@code if}) hold the value every rank had before the loop, so sending them is harmless.
 *
 * <p>After a failing iteration the sequential run has written the iterations before it only: the ranks
 * before the lowest failing rank send their parts, the failing rank sends its own part (written up to
 * the failure) and everything after it, where its copy still holds the values from before the loop;
 * the ranks after it, which ran iterations the sequential run never reaches, take those values back.
 */
public final class SharedBlocks {

  private SharedBlocks() { }

  /**
   * Collective: shares this rank's part {@code [from, to)} of the loop's range of {@code array} (clipped
   * to it) with every rank. {@code failedRank} is the lowest rank whose iterations threw, or the number
   * of ranks when none did ({@code ParallelRuntime.loopFailedRank()}). A {@code null} array shares
   * nothing: every rank holds the same replicated reference, so every rank returns alike.
   */
  public static void shareAfter(Object array, int from, int to, int failedRank) {
    Communicator c = ParallelRuntime.communicator();
    if (c.size() == 1 || array == null) {
      return;
    }
    int n = Array.getLength(array);
    int lo = Math.max(0, Math.min(n, from));
    int len = Math.max(0, Math.min(n, to) - lo);
    // One allgather: every rank's part, as (start << 32 | length), both non-negative ints.
    long[] parts = c.allgather(((long) lo << 32) | len);
    int size = parts.length;
    int[] starts = new int[size];
    int[] lengths = new int[size];
    for (int r = 0; r < size; r++) {
      starts[r] = (int) (parts[r] >>> 32);
      lengths[r] = (int) parts[r];
    }
    if (failedRank < size) {
      // The failing rank sends from its part's start to the end of the last part after it.
      int end = starts[failedRank] + lengths[failedRank];
      int start = starts[failedRank];
      for (int r = failedRank + 1; r < size; r++) {
        if (lengths[r] > 0) {
          start = Math.min(start, starts[r]);
          end = Math.max(end, starts[r] + lengths[r]);
        }
      }
      starts[failedRank] = start;
      lengths[failedRank] = Math.max(0, end - start);
      for (int r = failedRank + 1; r < size; r++) {
        lengths[r] = 0;
      }
    }
    int me = c.rank();
    Object all = SharedRows.gather(c, array, starts[me], lengths[me]);
    int at = 0;
    for (int r = 0; r < size; r++) {
      if (r != me) {
        SharedRows.put(all, at, array, starts[r], lengths[r]);
      }
      at += lengths[r];
    }
  }
}

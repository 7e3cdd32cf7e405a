package dev.parjit.frame.dist;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.kernel.FrameAssembly;
import dev.parjit.frame.kernel.FrameCodec;
import dev.parjit.mpi.Communicator;
import dev.parjit.runtime.ParallelRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Moving frames between ranks: encoded with {@link FrameCodec}, exchanged as bytes. */
final class FrameComm {

  private FrameComm() { }

  /**
   * The ranks' communicator for frame operations. Its collectives first agree that no rank's local
   * part failed, so one rank's failure (a corrupt page in its row groups) raises on every rank
   * instead of leaving the others in a collective.
   */
  static Communicator comm() {
    return ParallelRuntime.agreeingCommunicator();
  }

  /** Every rank's frame, in rank order, on every rank. */
  static List<DataFrame> allgather(DataFrame local) {
    List<DataFrame> out = new ArrayList<>();
    for (byte[] b : allgatherBytes(FrameCodec.encode(local))) {
      out.add(FrameCodec.decode(b));
    }
    return out;
  }

  /**
   * Every rank's frame, in rank order, on every rank, when all of them together encode to at most
   * {@code limitBytes}; else {@code null} on every rank (they all see the same sizes, so they all
   * decide alike). The sizes' exchange is the decision: when the frames are too large it is the
   * only collective spent. This rank's own frame comes back as it is, not decoded from its bytes.
   */
  static List<DataFrame> allgatherAtMost(DataFrame local, long limitBytes) {
    Communicator c = comm();
    byte[] mine = FrameCodec.encode(local);
    long[] sizes = sizes(c, mine.length);
    long total = 0;
    for (long s : sizes) {
      total += s;
    }
    if (total > limitBytes) {
      return null;
    }
    byte[] all = c.size() == 1 ? mine : c.allgatherv(mine);
    List<DataFrame> out = new ArrayList<>(sizes.length);
    int at = 0;
    for (int r = 0; r < sizes.length; r++) {
      out.add(r == c.rank() ? local : FrameCodec.decode(all, at, (int) sizes[r]));
      at += (int) sizes[r];
    }
    return out;
  }

  /** Every rank's bytes, in rank order. */
  static List<byte[]> allgatherBytes(byte[] local) {
    Communicator c = comm();
    long[] sizes = sizes(c, local.length);
    byte[] all = c.allgatherv(local);
    List<byte[]> out = new ArrayList<>(sizes.length);
    int at = 0;
    for (long s : sizes) {
      out.add(Arrays.copyOfRange(all, at, at + (int) s));
      at += (int) s;
    }
    return out;
  }

  /**
   * Every rank's byte count, by an allreduce of one slot per rank: unlike a first gather or
   * allgather it never needs MPJ's barrier before the exchange that follows (see the mpi module's
   * CollectiveOrder), which saves a round of messages per exchange.
   */
  private static long[] sizes(Communicator c, int mine) {
    long[] sizes = new long[c.size()];
    sizes[c.rank()] = mine;
    c.allreduceInPlace(sizes, dev.parjit.mpi.ReduceOp.SUM);
    return sizes;
  }

  /** Every rank's frame concatenated in rank order on {@code root}; {@code null} elsewhere. */
  static DataFrame gather(DataFrame local, int root) {
    Communicator c = comm();
    byte[] mine = FrameCodec.encode(local);
    long[] sizes = sizes(c, mine.length);
    byte[] all = c.gatherv(mine, root);
    if (c.rank() != root) {
      return null;
    }
    List<DataFrame> parts = new ArrayList<>(sizes.length);
    int at = 0;
    for (long s : sizes) {
      parts.add(FrameCodec.decode(Arrays.copyOfRange(all, at, at + (int) s)));
      at += (int) s;
    }
    return DataFrame.concat(parts.toArray(new DataFrame[0]));
  }

  /**
   * Sends {@code perDestination[d]} to rank d; returns what each rank sent here, in rank order. This
   * rank's own piece is returned as it is: encoding, sending and decoding it would only copy it.
   */
  static List<DataFrame> alltoall(DataFrame[] perDestination) {
    Communicator c = comm();
    int p = c.size();
    int me = c.rank();
    if (p == 1) {
      return List.of(perDestination[0]);
    }
    int[] sendCounts = new int[p];
    int total = 0;
    for (int d = 0; d < p; d++) {
      if (d != me) {
        sendCounts[d] = FrameCodec.encodedSize(perDestination[d]);
        total = Math.addExact(total, sendCounts[d]);
      }
    }
    byte[] send = new byte[total];
    int at = 0;
    for (int d = 0; d < p; d++) {
      if (d != me) {
        FrameCodec.encode(perDestination[d], send, at);
        at += sendCounts[d];
      }
    }
    long[] matrix = sendCountMatrix(c, sendCounts);
    byte[] received = c.alltoallv(send, sendCounts);
    List<DataFrame> out = new ArrayList<>(p);
    at = 0;
    for (int r = 0; r < p; r++) {
      int length = (int) matrix[r * p + me];
      out.add(r == me ? perDestination[me] : FrameCodec.decode(received, at, length));
      at += length;
    }
    return out;
  }

  /**
   * Sends each row of {@code chunk} to rank {@code dest[row]}, rows keeping their chunk order, and
   * returns what this rank received, from ranks in rank order, as one frame. One all-to-all: rows are
   * encoded straight from the chunk into the send buffer, and the pieces received (this rank's own
   * rows gathered from the chunk) are written straight into the result's columns, so no frame is
   * built per destination or per source and nothing is concatenated afterwards.
   */
  static DataFrame exchangeRows(DataFrame chunk, int[] dest) {
    Communicator c = comm();
    int p = c.size();
    int me = c.rank();
    if (p == 1) {
      return chunk;
    }
    RowsByDestination groups = RowsByDestination.of(dest, p);
    int[] sendCounts = new int[p];
    int total = 0;
    for (int d = 0; d < p; d++) {
      if (d != me) {
        sendCounts[d] = FrameCodec.encodedSize(chunk, groups.rows(), groups.from(d), groups.to(d));
        total = Math.addExact(total, sendCounts[d]);
      }
    }
    byte[] send = new byte[total];
    int at = 0;
    for (int d = 0; d < p; d++) {
      if (d != me) {
        FrameCodec.encode(chunk, groups.rows(), groups.from(d), groups.to(d), send, at);
        at += sendCounts[d];
      }
    }
    long[] matrix = sendCountMatrix(c, sendCounts);
    byte[] received = c.alltoallv(send, sendCounts);
    List<FrameAssembly.Piece> pieces = new ArrayList<>(p);
    at = 0;
    for (int r = 0; r < p; r++) {
      int length = (int) matrix[r * p + me];
      pieces.add(r == me ? FrameAssembly.Piece.rows(chunk, groups.rows(), groups.from(me), groups.to(me))
          : FrameAssembly.Piece.encoded(FrameCodec.layout(received, at, length)));
      at += length;
    }
    DataFrame out = FrameAssembly.concat(pieces);
    return out;
  }

  /**
   * Every rank's send counts, row r the counts rank r sends, by an allreduce of the matrix (each
   * rank fills its row), not a first alltoallv: two alltoallvs in a row need a barrier between them
   * on MPJ, an allreduce never does (see the mpi module's CollectiveOrder).
   */
  private static long[] sendCountMatrix(Communicator c, int[] sendCounts) {
    int p = c.size();
    long[] matrix = new long[p * p];
    for (int d = 0; d < p; d++) {
      matrix[c.rank() * p + d] = sendCounts[d];
    }
    c.allreduceInPlace(matrix, dev.parjit.mpi.ReduceOp.SUM);
    return matrix;
  }

  /** Whether {@code mine} holds on some rank (one allreduce): for a choice every rank must make alike. */
  static boolean anyRank(boolean mine) {
    return comm().allreduce(mine ? 1 : 0, dev.parjit.mpi.ReduceOp.MAX) != 0;
  }

  /** Global placement of a chunk of {@code localRows}: {start, globalRows}. */
  static long[] placementOf(long localRows) {
    // An allreduce of one slot per rank: unlike an allgather it never needs a barrier before it.
    long[] counts = new long[comm().size()];
    counts[comm().rank()] = localRows;
    comm().allreduceInPlace(counts, dev.parjit.mpi.ReduceOp.SUM);
    long start = 0;
    long total = 0;
    int me = comm().rank();
    for (int r = 0; r < counts.length; r++) {
      if (r < me) {
        start += counts[r];
      }
      total += counts[r];
    }
    return new long[] {start, total};
  }
}

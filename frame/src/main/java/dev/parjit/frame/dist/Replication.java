package dev.parjit.frame.dist;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import dev.parjit.frame.kernel.FrameCodec;
import dev.parjit.mpi.Communicator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turning distributed data into replicated data: whole frames gathered on every rank (a REP
 * return, printing, equality), and single elements read by global index outside parallel loops —
 * the owner broadcasts them, as DESIGN §4 says.
 */
final class Replication {

  private Replication() { }

  /** The whole value on every rank; REP values and non-frames pass through. */
  static Object replicate(Object value) {
    if (!Placements.isDistributed(value)) {
      return value;
    }
    if (value instanceof DataFrame df) {
      return gather(df);
    }
    if (value instanceof Series s) {
      return gather(DataFrame.fromSeries(List.of(s.rename("value")))).column("value").rename(s.name());
    }
    return value;
  }

  private static DataFrame gather(DataFrame local) {
    List<DataFrame> parts = FrameComm.allgather(local);
    return DataFrame.concat(parts.toArray(new DataFrame[0]));
  }

  /**
   * The rank holding global row {@code i} of a distributed series, or on every rank the exception
   * the sequential read throws (the same message, with the global size).
   */
  private static int owner(Series value, long i, int localRows) {
    long total = Placements.globalRows(value);
    if (i < 0 || i >= total) {
      throw dev.parjit.frame.internal.FrameInternals.rowOutOfRange(value, i, total);
    }
    long start = Placements.start(value);
    boolean mine = i >= start && i < start + localRows;
    Communicator c = FrameComm.comm();
    return c.allreduce(mine ? c.rank() : Integer.MAX_VALUE, dev.parjit.mpi.ReduceOp.MIN);
  }

  /** Element {@code i} (global) as bytes from its owner: {@code null} marks a null. */
  private static byte[] element(Series s, int i, java.util.function.IntFunction<byte[]> encode) {
    int owner = owner(s, i, localSize(s));
    Communicator c = FrameComm.comm();
    byte[] mine = c.rank() == owner ? encode.apply((int) (i - Placements.start(s))) : new byte[0];
    return c.bcast(mine, owner);
  }

  static int localSize(Series s) {
    return s.size();
  }

  static double getDouble(Series s, int i) {
    return ByteBuffer.wrap(element(s, i, k -> ByteBuffer.allocate(8).putDouble(s.getDouble(k)).array())).getDouble();
  }

  static long getLong(Series s, int i) {
    return ByteBuffer.wrap(element(s, i, k -> ByteBuffer.allocate(8).putLong(s.getLong(k)).array())).getLong();
  }

  static int getInt(Series s, int i) {
    return (int) getLong(s, i);
  }

  static boolean getBoolean(Series s, int i) {
    return element(s, i, k -> new byte[] {(byte) (s.getBoolean(k) ? 1 : 0)})[0] != 0;
  }

  static boolean isNull(Series s, int i) {
    return element(s, i, k -> new byte[] {(byte) (s.isNull(k) ? 1 : 0)})[0] != 0;
  }

  static String getString(Series s, int i) {
    byte[] b = element(s, i, k -> {
      String v = s.getString(k);
      if (v == null) {
        return new byte[] {0};
      }
      byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[utf8.length + 1];
      out[0] = 1;
      System.arraycopy(utf8, 0, out, 1, utf8.length);
      return out;
    });
    return b[0] == 0 ? null : new String(b, 1, b.length - 1, StandardCharsets.UTF_8);
  }

  /** A frame's bytes, for callers that ship a replicated frame (spawn-mode returns). */
  static byte[] encode(DataFrame df) {
    return FrameCodec.encode(df);
  }
}

package dev.parjit.agent.spawn;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import dev.parjit.frame.dist.FrameCounters;
import dev.parjit.frame.dist.Placements;
import dev.parjit.frame.kernel.FrameCodec;
import dev.parjit.lazy.LazyFrames;
import dev.parjit.runtime.BlockDistribution;
import java.util.List;

/**
 * Frames on the driver-worker channel. Callers check {@link FrameNames#isFrame} first, so a
 * program without the frame library never loads this class.
 */
public final class FrameTransport {

  private FrameTransport() { }

  /** {@code value} ready for the channel: frames encoded, everything else unchanged. */
  public static Object toWire(Object value) {
    if (!FrameNames.isFrame(value)) {
      return value;
    }
    if (value instanceof Series s) {
      String[] labels = s.hasLabels() ? s.labels().toArray(new String[0]) : null;
      // A frame column needs a name; the Series' own (possibly none) travels beside it.
      return new Messages.FrameValue(FrameCodec.encode(DataFrame.fromSeries(List.of(s.rename("value")))), true, labels,
          s.name());
    }
    return new Messages.FrameValue(FrameCodec.encode((DataFrame) value), false, null, null);
  }

  /** A lazy result as the driver's frame: metadata and first rows here, the rest on the workers. */
  static DataFrame lazyFrame(SpawnDispatcher dispatcher, Messages.LazyResult r, long generation) {
    return LazyFrames.of(dispatcher, r.id(), generation, r.names(), r.dtypes(), r.rows(), FrameCodec.decode(r.preview()));
  }

  /**
   * A frame argument for rank {@code rank} of {@code ranks}: a lazy result of these workers travels
   * as its id; a frame (or unlabelled series) the method keeps 1D as this rank's block only, so the
   * driver sends every row once instead of the whole frame to every worker; anything else encoded
   * whole.
   */
  static Object argument(SpawnDispatcher dispatcher, Object value, boolean distributed, int rank, int ranks) {
    long lazyId = value instanceof DataFrame df ? LazyFrames.idOn(dispatcher, df) : -1;
    if (lazyId >= 0) {
      return new Messages.LazyRef(lazyId);
    }
    if (distributed && value instanceof DataFrame df) {
      long start = BlockDistribution.start(df.numRows(), ranks, rank);
      int count = BlockDistribution.count(df.numRows(), ranks, rank);
      return new Messages.FrameChunk((Messages.FrameValue) toWire(df.slice((int) start, count)), df.numRows(), start);
    }
    if (distributed && value instanceof Series s && !s.hasLabels()) {
      long start = BlockDistribution.start(s.size(), ranks, rank);
      int count = BlockDistribution.count(s.size(), ranks, rank);
      return new Messages.FrameChunk((Messages.FrameValue) toWire(s.slice((int) start, count)), s.size(), start);
    }
    return toWire(value);
  }

  /** A rank's block of a frame argument, registered as rows {@code [start, start + n)} of the whole. */
  public static Object fromChunk(Messages.FrameChunk chunk) {
    Object local = fromWire(chunk.block());
    long rows = local instanceof DataFrame df ? df.numRows() : ((Series) local).size();
    FrameCounters.add(FrameCounters.SCATTERED_ROWS, rows);
    return Placements.register(local, chunk.globalRows(), chunk.start());
  }

  /** The value a channel message stands for: frames decoded, everything else unchanged. */
  public static Object fromWire(Object value) {
    if (!(value instanceof Messages.FrameValue f)) {
      return value;
    }
    DataFrame df = FrameCodec.decode(f.frame());
    if (!f.series()) {
      return df;
    }
    Series s = df.column(df.columns().get(0)).rename(f.name());
    return f.labels() == null ? s : s.withLabels(f.labels());
  }
}

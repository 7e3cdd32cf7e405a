package dev.parjit.agent.spawn;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import dev.parjit.frame.kernel.FrameCodec;
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
    java.util.List<dev.parjit.frame.DType> types = new java.util.ArrayList<>();
    for (String t : r.dtypes()) {
      types.add(dev.parjit.frame.DType.valueOf(t));
    }
    DataFrame preview = FrameCodec.decode(r.preview());
    if (r.rows() > Integer.MAX_VALUE) {
      throw new IllegalStateException("a lazy result of " + r.rows() + " rows cannot be addressed from the driver");
    }
    return DataFrame.remote(List.of(r.names()), types, (int) r.rows(),
        new LazyHandle(dispatcher, r.id(), generation, preview));
  }

  /** A frame argument: a lazy result of these workers travels as its id, anything else encoded. */
  static Object argument(SpawnDispatcher dispatcher, Object value) {
    if (value instanceof DataFrame df && df.remoteSource() instanceof LazyHandle h && h.isCurrent(dispatcher)
        && df.isLazy()) {
      return new Messages.LazyRef(h.id());
    }
    return toWire(value);
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

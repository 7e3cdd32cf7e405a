package dev.parjit.demo.bench;

/** Problem sizes: {@link #FULL} for the published numbers, {@link #QUICK} for a run of a few minutes. */
public enum Scale {
  /** The sizes of issue 8 (4·10⁸ Monte Carlo points, 20M-row Parquet, 10M-row groupBy, ...). */
  FULL,
  /** Smaller sizes for {@code bin/parjit bench --quick}. */
  QUICK;

  /** {@code full} when this is {@link #FULL}, else {@code quick}. */
  public <T> T pick(T full, T quick) {
    return this == FULL ? full : quick;
  }
}

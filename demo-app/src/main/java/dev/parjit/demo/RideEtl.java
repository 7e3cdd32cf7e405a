package dev.parjit.demo;

import dev.parjit.Jit;
import dev.parjit.frame.DataFrame;

/** A Parquet ETL inside one {@code @Jit} call: read, filter, group, write, read back. */
public final class RideEtl {

  private RideEtl() { }

  /**
   * Hard efforts (power above {@code watts}) averaged per cadence, written as one part file per
   * worker under {@code out}, then read back sorted: the result stays on the workers (lazy).
   */
  @Jit
  static DataFrame hardEffortsByCadence(String ride, String out, double watts) {
    DataFrame df = DataFrame.readParquet(ride);
    DataFrame hard = df.filter(df.column("power").gt(watts));
    DataFrame byCadence = hard.select("cadence", "power", "heart_rate").groupBy("cadence").mean();
    byCadence.toParquet(out);
    return DataFrame.readParquet(out).sortValues("cadence");
  }
}

package dev.parjit.demo.bench.runner;

import java.util.List;

/** The runners of {@code bin/parjit bench}, in column order; the first is the baseline. */
public final class Runners {

  private Runners() { }

  /** Every runner, sequential first. */
  public static List<Runner> all() {
    return List.of(new SequentialRunner(), new StreamsRunner(), new SpawnRunner(), new SpmdRunner(),
        new DuckDbRunner(), new SparkRunner());
  }
}

package dev.parjit.demo.bench.runner;

import dev.parjit.demo.bench.workload.Workload;
import java.util.List;
import java.util.Optional;

/** One column of the benchmark: a way of running a workload in a fresh JVM. */
public interface Runner {

  /** Column label in the report. */
  String label();

  /** Short name for {@code --runner} and the progress lines. */
  String id();

  /**
   * Why this runner cannot run at all in this build (a one-line hint saying how to get it), or empty
   * when it can.
   */
  default Optional<String> unavailable() {
    return Optional.empty();
  }

  /** Why this runner does not run {@code w} ({@code "n/a"}, {@code "not built"}), or empty when it does. */
  default Optional<String> skip(Workload w) {
    return Optional.empty();
  }

  /** The command line of the measured process(es). */
  List<String> command(BenchJvm jvm, Workload w);

  /**
   * For a Parjit runner: the command of a short run with the compile cache in {@code cacheDir}
   * (the agent's {@code cache} option), whose cold call the report gives beside the one without;
   * empty for runners without a compile cache.
   */
  default java.util.Optional<List<String>> cachedCommand(BenchJvm jvm, Workload w, java.nio.file.Path cacheDir) {
    return java.util.Optional.empty();
  }
}

package dev.parjit.demo.bench.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The runners {@code --runner} names, in column order, with the sequential baseline always first;
 * an unknown id is refused (a typo would otherwise drop a column without a word), and a runner
 * this build lacks (Spark without {@code -Pspark}) gets one line saying how to build it.
 */
public final class RunnerSelection {
  /** The baseline's id: every answer is checked against it, so it always runs. */
  static final String BASELINE = "seq";

  private RunnerSelection() { }

  /**
   * The runners of {@code all} whose ids are in {@code ids} (every runner when {@code ids} is
   * null), the baseline included.
   *
   * @throws IllegalArgumentException naming the first unknown id and the known ones
   */
  public static List<Runner> select(List<Runner> all, List<String> ids) {
    if (ids != null) {
      List<String> known = all.stream().map(Runner::id).toList();
      for (String id : ids) {
        if (!known.contains(id)) {
          throw new IllegalArgumentException("unknown runner '" + id + "' (ids: "
              + String.join(", ", known) + "; " + BASELINE + " always runs)");
        }
      }
    }
    return all.stream().filter(r -> r.id().equals(BASELINE) || ids == null || ids.contains(r.id()))
        .collect(Collectors.toList());
  }

  /** One line per selected runner that cannot run in this build: {@code "<id>: <how to get it>"}. */
  public static List<String> unavailable(List<Runner> selected) {
    List<String> lines = new ArrayList<>();
    for (Runner r : selected) {
      Optional<String> why = r.unavailable();
      why.ifPresent(w -> lines.add(r.id() + ": " + w));
    }
    return lines;
  }
}

package dev.parjit.it.effects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output of one {@link EffectsMain} process (or one SPMD rank), split into runs: for each
 * {@code BEGIN <program> <n>} the caller's {@code STATE} lines and the kernels' {@code OUT} lines.
 */
public final class Transcript {

  /** One program run at one size. */
  public record Run(String key, List<String> state, List<String> out) { }

  private final Map<String, Run> runs = new LinkedHashMap<>();
  private final boolean done;

  /** Parses lines already stripped of any {@code [rank N] } prefix; other lines are ignored. */
  public Transcript(List<String> lines) {
    Run current = null;
    boolean finished = false;
    for (String line : lines) {
      if (line.startsWith("BEGIN ")) {
        String key = line.substring("BEGIN ".length());
        current = new Run(key, new ArrayList<>(), new ArrayList<>());
        runs.put(key, current);
      } else if (line.startsWith("STATE ") && current != null) {
        current.state().add(line);
      } else if (line.startsWith("OUT ") && current != null) {
        current.out().add(line);
      } else if (line.equals(EffectsMain.DONE)) {
        finished = true;
      }
    }
    this.done = finished;
  }

  /** The lines of rank {@code rank} in a launcher's merged output, without their prefix. */
  public static List<String> ofRank(List<String> lines, int rank) {
    String prefix = "[rank " + rank + "] ";
    return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
  }

  public Map<String, Run> runs() {
    return runs;
  }

  /** Whether the process got through every program. */
  public boolean done() {
    return done;
  }

  /** Program name of a run key {@code "<program> <n>"}. */
  public static String program(String key) {
    return key.substring(0, key.indexOf(' '));
  }

  /**
   * The differences of {@code actual} from the oracle's state lines of one run, as readable lines
   * (empty when they agree): each differing line shown expected and actual.
   */
  public static List<String> stateDiff(List<String> expected, List<String> actual) {
    List<String> diff = new ArrayList<>();
    int n = Math.max(expected.size(), actual.size());
    for (int i = 0; i < n; i++) {
      String e = i < expected.size() ? expected.get(i) : "(nothing)";
      String a = i < actual.size() ? actual.get(i) : "(nothing)";
      if (!Tolerance.same(e, a)) {
        diff.add("    expected: " + clip(e));
        diff.add("    actual:   " + clip(a));
      }
    }
    return diff;
  }

  /** The differences of printed lines, which must be exactly the sequential ones. */
  public static List<String> outDiff(List<String> expected, List<String> actual) {
    if (expected.equals(actual)) {
      return List.of();
    }
    return List.of("    printed lines differ: expected " + expected.size() + " lines " + clip(expected.toString()),
        "                          actual   " + actual.size() + " lines " + clip(actual.toString()));
  }

  static String clip(String s) {
    return s.length() <= 400 ? s : s.substring(0, 400) + "...(" + s.length() + " chars)";
  }
}

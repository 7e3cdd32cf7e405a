package dev.parjit.it.effects;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the driver's {@code log=info} placement lines against a table of where each kernel must
 * run: exactly one line per kernel, saying {@code workers} or {@code driver (<reason>)}.
 */
public final class PlacementLog {

  public static final String WORKERS = "workers";
  public static final String DRIVER = "driver";

  private static final Pattern LINE =
      Pattern.compile("parjit: placement ([\\w$]+)\\.(\\w+): (workers|driver)(?: \\((.*)\\))?");

  private PlacementLog() { }

  /** The problems found in {@code stderr} against {@code expected} (kernel {@code Class.method} → placement). */
  public static List<String> check(List<String> stderr, Map<String, String> expected) {
    Map<String, List<String>> seen = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (String line : stderr) {
      if (!line.contains("parjit: placement ")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.find()) {
        problems.add("  unreadable placement line: " + line);
        continue;
      }
      seen.computeIfAbsent(m.group(1) + "." + m.group(2), k -> new ArrayList<>()).add(line);
    }
    for (Map.Entry<String, String> e : new TreeMap<>(expected).entrySet()) {
      List<String> lines = seen.getOrDefault(e.getKey(), List.of());
      if (lines.size() != 1) {
        problems.add("  " + e.getKey() + ": expected one placement line (" + e.getValue() + "), found "
            + lines.size() + (lines.isEmpty() ? "" : ": " + lines));
        continue;
      }
      Matcher m = LINE.matcher(lines.get(0));
      if (!m.find() || !m.group(3).equals(e.getValue())) {
        problems.add("  " + e.getKey() + ": must run on the " + e.getValue() + ", but: " + lines.get(0).trim());
      } else if (m.group(3).equals(DRIVER) && (m.group(4) == null || m.group(4).isBlank())) {
        problems.add("  " + e.getKey() + ": a driver placement must give its reason: " + lines.get(0).trim());
      }
    }
    seen.keySet().stream().filter(k -> !expected.containsKey(k))
        .forEach(k -> problems.add("  placement of a kernel the table does not know: " + seen.get(k)));
    return problems;
  }
}

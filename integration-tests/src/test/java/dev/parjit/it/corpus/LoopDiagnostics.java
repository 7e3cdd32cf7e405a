package dev.parjit.it.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the loop distributions out of the distributed diagnostics a run printed
 * ({@code diagnostics=true}): for each {@code Distributed diagnostics for function C.m} block, its
 * {@code Loop distributions:} lines as {@code "#0 1D_Block, #1 REP"} (empty when the method has no
 * loops). A kernel's loops ran in parallel exactly when they are listed {@code 1D_Block} or
 * {@code 1D_Var} there.
 */
public final class LoopDiagnostics {

  private static final Pattern HEADER = Pattern.compile("^Distributed diagnostics for function ([\\w$]+\\.\\w+) \\(");
  /** A loop's line: its distribution, maybe followed by what it reads through halos ("(halo: u[i-1..i+1])"). */
  private static final Pattern LOOP = Pattern.compile("^\\s+#(\\d+) \\(line \\d+\\)\\s+(\\S+)(?:\\s+\\((?:halo|rows shared|blocks shared): .*\\))?\\s*$");

  private LoopDiagnostics() { }

  /**
   * Every diagnostics block in {@code lines} (already stripped of any rank prefix), by kernel
   * {@code Class.method}: one entry per block printed, so a kernel printed twice is visible.
   */
  public static Map<String, List<String>> parse(List<String> lines) {
    Map<String, List<String>> loops = new TreeMap<>();
    String kernel = null;
    List<String> current = null;
    for (String line : lines) {
      Matcher h = HEADER.matcher(line);
      if (h.find()) {
        kernel = h.group(1);
        current = null;
      } else if (kernel != null && line.equals("Loop distributions:")) {
        current = new ArrayList<>();
      } else if (current != null) {
        Matcher l = LOOP.matcher(line);
        if (l.find()) {
          current.add("#" + l.group(1) + " " + l.group(2));
        } else {
          // A blank line or "No loops to distribute." ends the section.
          loops.computeIfAbsent(kernel, k -> new ArrayList<>()).add(String.join(", ", current));
          current = null;
          kernel = null;
        }
      }
    }
    return loops;
  }

  /** Whether a loop list such as {@code "#0 REP, #1 1D_Block"} has a parallel loop. */
  public static boolean anyParallel(String loops) {
    return loops.contains("1D_");
  }

  /**
   * Where a run's diagnostics ({@code lines}, rank prefix stripped) disagree with {@code expected}
   * (kernel to loop list): a kernel whose diagnostics are missing or printed twice, loops other than
   * expected, and diagnostics of kernels the table does not know. Empty when they agree.
   */
  public static List<String> mismatches(Map<String, String> expected, List<String> lines) {
    Map<String, List<String>> seen = parse(lines);
    List<String> problems = new ArrayList<>();
    expected.forEach((kernel, loops) -> {
      List<String> got = seen.getOrDefault(kernel, List.of());
      if (got.size() != 1) {
        problems.add("  " + kernel + ": expected its diagnostics once, found " + got.size() + " times");
      } else if (!got.get(0).equals(loops)) {
        problems.add("  " + kernel + ": loops expected [" + loops + "] but the diagnostics say [" + got.get(0) + "]"
            + (anyParallel(got.get(0)) && !anyParallel(loops) ? " (now parallel: update its row)" : ""));
      }
    });
    seen.keySet().stream().filter(k -> !expected.containsKey(k))
        .forEach(k -> problems.add("  diagnostics of a kernel the table does not know: " + k));
    return problems;
  }
}

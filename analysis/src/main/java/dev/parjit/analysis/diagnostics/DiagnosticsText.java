package dev.parjit.analysis.diagnostics;

import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.plan.RepDecision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;

/**
 * DESIGN §7's distributed diagnostics of one compiled method, as text: the header, data and loop
 * distributions, the annotated listing (source lines when the source is found, bytecode line
 * numbers otherwise) and every REP decision with its reason and line.
 */
public final class DiagnosticsText {

  private static final int NAME_WIDTH = 20;

  private DiagnosticsText() { }

  /**
   * Renders the diagnostics.
   *
   * @param plan   the method as compiled
   * @param source its source, or {@code null}
   * @param level  1, or 2 to list compiler temporaries too
   */
  public static String render(MethodPlan plan, SourceLines source, int level) {
    StringBuilder out = new StringBuilder();
    String name = plan.displayName();
    String where = plan.sourceFile() == null ? "" : " (" + plan.sourceFile()
        + (plan.firstLine() > 0 ? ":" + declarationLine(plan, source) : "") + ")";
    out.append("Distributed diagnostics for function ").append(name).append(where).append('\n');
    out.append('\n').append("Data distributions:").append('\n');
    Map<String, Distribution> data = new LinkedHashMap<>(plan.variables());
    if (level >= 2) {
      data.putAll(plan.temporaries());
    }
    if (data.isEmpty()) {
      out.append("   No distributable data structures to distribute.").append('\n');
    }
    data.forEach((n, d) -> out.append("   ").append(pad(n, NAME_WIDTH)).append(' ').append(d).append('\n'));
    out.append('\n').append("Loop distributions:").append('\n');
    if (plan.loops().isEmpty()) {
      out.append("   No loops to distribute.").append('\n');
    }
    for (LoopPlan loop : plan.loops()) {
      String id = "#" + loop.id() + (loop.line() > 0 ? " (line " + loop.line() + ")" : "");
      out.append("   ").append(pad(id, NAME_WIDTH)).append(' ').append(loop.distribution())
          .append(HaloNotes.of(plan, loop)).append(SharedRowNotes.of(plan, loop))
          .append(SharedBlockNotes.of(plan, loop)).append('\n');
    }
    out.append('\n').append("Distributed listing for function ").append(name).append(where).append('\n');
    listing(out, plan, source, data);
    out.append('\n');
    for (RepDecision r : plan.repDecisions()) {
      out.append(repLine(plan, r)).append('\n');
    }
    return out.toString();
  }

  /** One REP decision: {@code Setting distribution of variable 'm' to REP: <reason> (C.java:14)}. */
  static String repLine(MethodPlan plan, RepDecision r) {
    String reason = r.sentence();
    int line = r.shownLine();
    String what = r.loop() ? r.subject() : "variable '" + r.subject() + "'";
    String place = line > 0 ? " (" + (plan.sourceFile() == null ? "line " + line : plan.sourceFile() + ":" + line) + ")"
        : "";
    return "Setting distribution of " + what + " to REP: " + reason + place;
  }

  private static void listing(StringBuilder out, MethodPlan plan, SourceLines source, Map<String, Distribution> data) {
    Map<Integer, List<String>> notes = new TreeMap<>();
    for (LoopPlan loop : plan.loops()) {
      if (loop.line() > 0) {
        notes.computeIfAbsent(loop.line(), k -> new ArrayList<>()).add("#" + loop.id() + ": " + loop.distribution());
      }
    }
    plan.definitionLines().forEach((var, lines) -> {
      Distribution d = data.get(var);
      for (int line : lines) {
        notes.computeIfAbsent(line, k -> new ArrayList<>()).add(var + ": " + d);
      }
    });
    if (level2Temporaries(plan, data)) {
      plan.temporaries().forEach((t, d) -> {
        int line = Integer.parseInt(t.substring(t.lastIndexOf('.') + 1));
        if (line > 0) {
          notes.computeIfAbsent(line, k -> new ArrayList<>()).add(t + ": " + d);
        }
      });
    }
    int first = declarationLine(plan, source);
    int last = lastLine(plan);
    if (first <= 0 || last <= 0) {
      out.append("   (no line numbers: the class was compiled without -g)").append('\n');
      return;
    }
    if (source != null) {
      String closing = source.line(last + 1);
      if (closing != null && closing.trim().equals("}")) {
        last++;
      }
      int width = 0;
      for (int n = first; n <= last; n++) {
        width = Math.max(width, source.line(n) == null ? 0 : source.line(n).stripTrailing().length());
      }
      width = Math.min(Math.max(width, 40), 100);
      for (int n = first; n <= last; n++) {
        String text = source.line(n) == null ? "" : source.line(n).stripTrailing();
        appendNoted(out, pad(text, width), notes.get(n));
      }
      return;
    }
    for (int n = first; n <= last; n++) {
      if (notes.containsKey(n) || hasLine(plan, n)) {
        appendNoted(out, pad("line " + n, 12), notes.get(n));
      }
    }
  }

  private static boolean level2Temporaries(MethodPlan plan, Map<String, Distribution> data) {
    return !plan.temporaries().isEmpty() && data.keySet().containsAll(plan.temporaries().keySet());
  }

  private static void appendNoted(StringBuilder out, String text, List<String> notes) {
    out.append(text).append(" | ");
    if (notes != null) {
      out.append(String.join(", ", notes));
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    out.append('\n');
  }

  /** The line of the method's declaration: the nearest line above the first statement naming it. */
  static int declarationLine(MethodPlan plan, SourceLines source) {
    int first = plan.firstLine();
    if (source == null || first <= 0) {
      return first;
    }
    for (int n = first; n >= Math.max(1, first - 6); n--) {
      String text = source.line(n);
      if (text != null && text.contains(" " + plan.method().name + "(")) {
        return n;
      }
    }
    return first;
  }

  private static int lastLine(MethodPlan plan) {
    int last = -1;
    for (AbstractInsnNode x : plan.method().instructions) {
      if (x instanceof LineNumberNode ln) {
        last = Math.max(last, ln.line);
      }
    }
    return last;
  }

  private static boolean hasLine(MethodPlan plan, int n) {
    for (AbstractInsnNode x : plan.method().instructions) {
      if (x instanceof LineNumberNode ln && ln.line == n) {
        return true;
      }
    }
    return false;
  }

  private static String pad(String s, int width) {
    StringBuilder b = new StringBuilder(s);
    while (b.length() < width) {
      b.append(' ');
    }
    return b.toString();
  }
}

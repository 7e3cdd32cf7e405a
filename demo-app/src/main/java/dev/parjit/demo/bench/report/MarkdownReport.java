package dev.parjit.demo.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code bench-results.md}: the timing table, the cold first calls, answers, environment. */
public final class MarkdownReport {

  private MarkdownReport() { }

  /** The report as text. {@code heading} describes the run (sizes, number of runs). */
  public static String render(ResultTable t, String heading, Environment env) {
    StringBuilder b = new StringBuilder("# Parjit benchmark results\n\n").append(heading).append("\n\n");
    b.append("Each cell: warm median in ms (min–max), then the speed-up over sequential "
        + "(sequential median / this median; higher is faster).\n\n");
    table(b, t, true);
    b.append("\nFirst (cold) call in ms, not part of the statistics: JIT compilation, and for Parjit "
        + "spawn mode the start of the workers; in brackets, from the measured process's start to that call's "
        + "answer (what a user of a cold program waits; in SPMD mode rank 0's process, which the launcher "
        + "started after its own start); for Parjit spawn mode also that time with the compile cache on "
        + "(`cache=DIR`, filled by an untimed run first), the figure without it being the cache off.\n\n");
    table(b, t, false);
    b.append("\n## Answers\n\n");
    List<String> problems = new ArrayList<>();
    for (ResultTable.Row r : t.rows()) {
      for (var e : r.cells().entrySet()) {
        if (e.getValue().bad()) {
          problems.add("- " + r.title() + ", " + e.getKey() + ": " + e.getValue().status() + ": "
              + e.getValue().detail().replace('\n', ' '));
        }
      }
    }
    if (problems.isEmpty()) {
      b.append("Every runner's answer matched the sequential answer (relative tolerance per workload: ");
      List<String> tol = new ArrayList<>();
      for (ResultTable.Row r : t.rows()) {
        tol.add(r.id() + " " + String.format("%.0e", r.tolerance()));
      }
      b.append(String.join(", ", tol)).append(").\n");
    } else {
      b.append(String.join("\n", problems)).append('\n');
    }
    b.append("\n## Environment\n\n");
    for (String l : env.lines()) {
      b.append("- ").append(l).append('\n');
    }
    return b.toString();
  }

  /** Writes {@link #render} to {@code file}. */
  public static void write(Path file, ResultTable t, String heading, Environment env) throws IOException {
    Files.writeString(file, render(t, heading, env), StandardCharsets.UTF_8);
  }

  private static void table(StringBuilder b, ResultTable t, boolean warm) {
    b.append("| workload |");
    for (String r : t.runners()) {
      b.append(' ').append(r).append(" |");
    }
    b.append("\n|---|");
    b.append("---:|".repeat(t.runners().size())).append('\n');
    for (ResultTable.Row row : t.rows()) {
      b.append("| ").append(row.title()).append(" |");
      for (String r : t.runners()) {
        b.append(' ').append(warm ? warmCell(t, row.id(), r) : firstCell(t.cell(row.id(), r))).append(" |");
      }
      b.append('\n');
    }
  }

  static String warmCell(ResultTable t, String workload, String runner) {
    Cell c = t.cell(workload, runner);
    if (c == null) {
      return "—";
    }
    if (c.measurement() == null) {
      return c.status();
    }
    Measurement m = c.measurement();
    String s = String.format("%s (%s–%s) %.2f×", ms(m.median()), ms(m.min()), ms(m.max()), t.speedup(workload, runner));
    return c.status().equals(Cell.OK) ? s : s + " " + c.status();
  }

  private static String firstCell(Cell c) {
    if (c == null) {
      return "—";
    }
    if (c.measurement() == null) {
      return c.status();
    }
    double fromStart = c.measurement().firstFromStartMs();
    double cached = c.measurement().firstFromStartCachedMs();
    return ms(c.measurement().firstMs()) + (Double.isNaN(fromStart) ? "" : " (" + ms(fromStart)
        + (Double.isNaN(cached) ? "" : "; cache on: " + ms(cached)) + ")");
  }

  /** Milliseconds with 3 significant digits at most (no decimals from 100 ms on). */
  static String ms(double v) {
    if (v >= 100) {
      return String.format("%.0f", v);
    }
    return v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
  }
}

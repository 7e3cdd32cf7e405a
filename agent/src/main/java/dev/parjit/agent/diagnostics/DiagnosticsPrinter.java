package dev.parjit.agent.diagnostics;

import dev.parjit.analysis.diagnostics.DiagnosticsText;
import dev.parjit.analysis.diagnostics.ParallelismWarning;
import dev.parjit.analysis.diagnostics.SourceLines;
import dev.parjit.analysis.plan.MethodPlan;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints what the compiler decided, once per method and run, in the one process that prints (the
 * driver in spawn mode, rank 0 in SPMD mode; workers never): the distributed diagnostics when
 * asked for ({@code diagnostics} option or {@code PARJIT_DISTRIBUTED_DIAGNOSTICS=1|2}), and the
 * no-parallelism warning always.
 */
public final class DiagnosticsPrinter {

  private final boolean printsHere;
  private final int level;
  private final PrintStream out;
  private final PrintStream err;
  private final Set<String> printed = ConcurrentHashMap.newKeySet();

  /**
   * @param printsHere whether this process is the printing one
   * @param level      0 (warnings only), 1, or 2 (compiler temporaries too)
   */
  public DiagnosticsPrinter(boolean printsHere, int level, PrintStream out, PrintStream err) {
    this.printsHere = printsHere;
    this.level = level;
    this.out = out;
    this.err = err;
  }

  /** The level asked for by the option and the environment: the option wins when set. */
  public static int level(boolean option, String environment) {
    int fromEnv = environment != null && environment.matches("[0-9]") ? Integer.parseInt(environment) : 0;
    return Math.max(option ? 1 : 0, fromEnv);
  }

  /** The rendered diagnostics of one plan, with the source found on the source path. */
  public static String render(MethodPlan plan, int level) {
    SourceLines source = SourceLines.find(plan.owner(), plan.sourceFile(), SourceLines.roots());
    return DiagnosticsText.render(plan, source, Math.max(1, level));
  }

  /**
   * As {@link #render(MethodPlan, int)}, ending with where the method runs in spawn mode
   * ({@code placement}: {@code workers} or {@code driver (<reason>)}; {@code null} says nothing).
   */
  public static String render(MethodPlan plan, int level, String placement) {
    String text = render(plan, level);
    return placement == null ? text : text + "Runs on the " + placement + "\n";
  }

  /** Reports a compiled method (first compilation only). */
  public void compiled(MethodPlan plan) {
    compiled(plan, null);
  }

  /** Reports a compiled method with its spawn-mode placement (first compilation only). */
  public void compiled(MethodPlan plan, String placement) {
    if (!printsHere || !printed.add(plan.owner() + "." + plan.method().name + plan.method().desc)) {
      return;
    }
    if (level > 0) {
      out.print(render(plan, level, placement));
      out.flush();
    }
    String warning = ParallelismWarning.of(plan);
    if (warning != null) {
      err.println(warning);
      err.flush();
    }
  }

  /** Prints a compiler warning once per run, in the printing process. */
  public void warn(String warning) {
    if (printsHere && printed.add(warning)) {
      err.println(warning);
      err.flush();
    }
  }

  /** Whether this process prints. */
  public boolean printsHere() {
    return printsHere;
  }
}

package dev.parjit.agent.cache;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints the stored diagnostics of cached classes with the rules of
 * {@code diagnostics.DiagnosticsPrinter} (the printing process only, once per method and run,
 * diagnostics when asked for, the no-parallelism warning always), from text instead of plans.
 * Cached classes print through here whether they were hits or misses, so a cold and a warm run
 * print the same.
 */
public final class CachedDiagnostics {

  private final boolean printsHere;
  private final int level;
  private final PrintStream out;
  private final PrintStream err;
  private final Set<String> printed = ConcurrentHashMap.newKeySet();

  /**
   * @param printsHere whether this process is the printing one
   * @param level      0 (warnings only), 1, or 2
   */
  public CachedDiagnostics(boolean printsHere, int level, PrintStream out, PrintStream err) {
    this.printsHere = printsHere;
    this.level = level;
    this.out = out;
    this.err = err;
  }

  /** Whether this process prints diagnostics text (so entries must carry up-to-date text). */
  public boolean printsDiagnostics() {
    return printsHere && level > 0;
  }

  /** Reports the methods of a compiled class. */
  public void compiled(CompiledClass compiled) {
    if (!printsHere) {
      return;
    }
    for (CompiledClass.MethodReport m : compiled.methods()) {
      if (!printed.add(m.id())) {
        continue;
      }
      if (level > 0) {
        out.print(m.diagnostics(level));
        out.flush();
      }
      if (m.warning() != null) {
        err.println(m.warning());
        err.flush();
      }
    }
  }
}

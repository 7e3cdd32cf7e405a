package dev.parjit.agent.cache;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code bin/parjit cache list|clear [DIR]}: lists the entries of a compile cache directory (class,
 * role, size, age) or deletes them. Run with the agent jar on the class path.
 */
public final class CacheTool {

  static final String USAGE = String.join("\n",
      "Usage: bin/parjit cache list [DIR]    entries: class, role, size, age (oldest first)",
      "       bin/parjit cache clear [DIR]   delete the entries (and left-over temporary files)",
      "DIR defaults to -Dparjit.cacheDir, else ~/.cache/parjit (the directory @Jit(cache = true) uses;",
      "the agent option cache=DIR caches every compiled class in DIR instead).");

  private CacheTool() { }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs a command; returns the exit status (2 for a usage error). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      (args.length == 0 ? err : out).println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    if (args.length > 2 || !(args[0].equals("list") || args[0].equals("clear"))) {
      err.println("parjit cache: unknown arguments: " + String.join(" ", args));
      err.println(USAGE);
      return 2;
    }
    CacheStore store = new CacheStore(args.length == 2 ? Path.of(args[1]).toAbsolutePath()
        : CompileCache.defaultDirectory());
    if (!java.nio.file.Files.isDirectory(store.dir())) {
      // Nothing was ever cached there (or the path is mistyped): say so rather than "0 entries".
      err.println("parjit cache: there is no compile cache at " + store.dir());
      return 1;
    }
    try {
      if (args[0].equals("clear")) {
        out.println("deleted " + store.clear() + " files from " + store.dir());
      } else {
        list(store, out);
      }
      return 0;
    } catch (IOException e) {
      err.println("parjit cache: " + e);
      return 1;
    }
  }

  private static void list(CacheStore store, PrintStream out) throws IOException {
    List<CacheStore.Listed> entries = store.list();
    long total = entries.stream().mapToLong(CacheStore.Listed::size).sum();
    out.println("compile cache " + store.dir() + ": " + entries.size() + (entries.size() == 1 ? " entry, " : " entries, ")
        + size(total));
    if (entries.isEmpty()) {
      return;
    }
    out.printf(Locale.ROOT, "%-8s %-6s %9s  %s%n", "AGE", "ROLE", "SIZE", "CLASS");
    long now = System.currentTimeMillis();
    String current = CompilerVersion.id();
    for (CacheStore.Listed l : entries) {
      CacheEntry e = l.entry();
      String what = e == null ? "unusable " + l.file().getFileName() + ": " + l.problem()
          : e.className().replace('/', '.')
              + (CacheKey.DEFAULT_SPECIALIZATION.equals(e.specialization()) ? "" : " " + e.specialization())
              + (e.compiler().equals(current) ? "" : "  (other Parjit build " + e.compiler() + ")");
      String role = e == null ? "-" : e.role().toLowerCase(Locale.ROOT);
      out.printf(Locale.ROOT, "%-8s %-6s %9s  %s%n", age(now - l.modifiedMillis()), role, size(l.size()), what);
    }
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
        : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  static String age(long millis) {
    long s = Math.max(0, millis / 1000);
    if (s < 60) {
      return s + "s";
    } else if (s < 3600) {
      return s / 60 + "m";
    } else if (s < 86400) {
      return s / 3600 + "h";
    }
    return s / 86400 + "d";
  }
}

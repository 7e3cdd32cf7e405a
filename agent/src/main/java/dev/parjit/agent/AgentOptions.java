package dev.parjit.agent;

import dev.parjit.mpi.launch.HostFile;
import dev.parjit.mpi.launch.NetworkChoice;
import dev.parjit.mpi.launch.Placement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The agent's options, parsed from {@code -javaagent:parjit-agent.jar=key=value,key=value}
 * (DESIGN §3). Unknown keys and bad values fail with one {@link IllegalArgumentException} whose
 * message is a single line naming the key.
 */
public final class AgentOptions {

  /** What this JVM is in a Parjit job. */
  public enum Role {
    /** The user's program in spawn mode: {@code @Jit} calls are shipped to workers. */
    DRIVER,
    /** A spawned worker rank: {@code @Jit} methods run in place, chunked. */
    WORKER,
    /** A rank of an SPMD launch: every rank runs {@code main}. */
    SPMD
  }

  private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");
  private static final List<String> KEYS = List.of(
      "workers", "workerJvm", "spmd", "jit", "diagnostics", "cache", "log", "dump", "strict", "deterministic",
      "hostfile", "oversubscribe", "iface", "role");

  private final int workers;
  private final List<String> workerJvm;
  private final boolean spmd;
  private final List<String> jitPatterns;
  private final boolean diagnostics;
  private final Path cacheDir;
  private final String logLevel;
  private final Path dumpDir;
  private final boolean strict;
  private final boolean deterministic;
  private final Role role;
  private final Placement workerPlacement;
  private final String iface;
  private final String hostfile;
  private final boolean oversubscribe;
  private final String raw;

  private AgentOptions(Map<String, String> values, Map<String, String> env, String raw) {
    this.raw = raw == null ? "" : raw;
    HostFile hosts = values.containsKey("hostfile") ? hostFile(values.get("hostfile")) : HostFile.localMachine();
    this.hostfile = values.get("hostfile");
    this.oversubscribe = bool("oversubscribe", values.getOrDefault("oversubscribe", "false"));
    String w = values.getOrDefault("workers", env.get("PARJIT_WORKERS"));
    // As mpirun: without a count, a host file's slots; on this machine alone, one per processor.
    this.workers = w != null ? positiveInt("workers", w)
        : values.containsKey("hostfile") ? hosts.totalSlots() : Runtime.getRuntime().availableProcessors();
    try {
      this.workerPlacement = Placement.of(hosts, workers, oversubscribe);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("parjit: agent option workers=" + workers + " is invalid: " + e.getMessage()
          .replace("--oversubscribe", "oversubscribe=true"));
    }
    String nic = values.getOrDefault("iface", env.get(NetworkChoice.IFACE_ENV));
    this.iface = nic == null || nic.isBlank() ? null : nic.trim();
    this.workerJvm = splitList(values.get("workerJvm"));
    this.spmd = bool("spmd", values.getOrDefault("spmd", "false"));
    this.jitPatterns = splitList(values.get("jit"));
    String diag = values.get("diagnostics");
    this.diagnostics = diag != null ? bool("diagnostics", diag)
        : env.getOrDefault("PARJIT_DISTRIBUTED_DIAGNOSTICS", "0").matches("[1-9]");
    this.cacheDir = values.containsKey("cache") ? path("cache", values.get("cache")) : null;
    this.logLevel = values.getOrDefault("log", "warn").toLowerCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(logLevel)) {
      throw bad("log", values.get("log"), "one of " + String.join(", ", LOG_LEVELS));
    }
    this.dumpDir = values.containsKey("dump") ? path("dump", values.get("dump")) : null;
    this.strict = bool("strict", values.getOrDefault("strict", "false"));
    this.deterministic = bool("deterministic", values.getOrDefault("deterministic", "false"));
    String r = values.get("role");
    if (r == null) {
      this.role = spmd ? Role.SPMD : Role.DRIVER;
    } else if (r.equals("worker")) {
      this.role = Role.WORKER;
    } else {
      throw bad("role", r, "'worker' (set by Parjit itself)");
    }
  }

  /** The keys a user may give, in the manual's order ({@code role} is Parjit's own, for its workers). */
  public static List<String> userKeys() {
    return KEYS.subList(0, KEYS.size() - 1);
  }

  /**
   * The value of {@code key} as text, as the manual's options table writes it: {@code ""} for an
   * option that is off or empty, lists joined by {@code ;}.
   */
  public String value(String key) {
    return switch (key) {
      case "workers" -> Integer.toString(workers);
      case "workerJvm" -> String.join(";", workerJvm);
      case "spmd" -> Boolean.toString(spmd);
      case "jit" -> String.join(";", jitPatterns);
      case "diagnostics" -> Boolean.toString(diagnostics);
      case "cache" -> cacheDir == null ? "" : cacheDir.toString();
      case "log" -> logLevel;
      case "dump" -> dumpDir == null ? "" : dumpDir.toString();
      case "strict" -> Boolean.toString(strict);
      case "deterministic" -> Boolean.toString(deterministic);
      case "hostfile" -> hostfile == null ? "" : hostfile;
      case "oversubscribe" -> Boolean.toString(oversubscribe);
      case "iface" -> iface == null ? "" : iface;
      case "role" -> role.name().toLowerCase(Locale.ROOT);
      default -> throw new IllegalArgumentException("no agent option " + key);
    };
  }

  /** Parses the agent argument string (may be {@code null} or empty), reading env defaults. */
  public static AgentOptions parse(String args) {
    return parse(args, System.getenv());
  }

  /** As {@link #parse(String)} with an explicit environment (tests). */
  public static AgentOptions parse(String args, Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    if (args != null && !args.isBlank()) {
      for (String item : args.split(",")) {
        int eq = item.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("parjit: agent option '" + item + "' is not key=value");
        }
        String key = item.substring(0, eq).trim();
        if (!KEYS.contains(key)) {
          throw new IllegalArgumentException("parjit: unknown agent option '" + key + "' (known: "
              + String.join(", ", userKeys()) + ")");
        }
        if (values.put(key, item.substring(eq + 1).trim()) != null) {
          throw new IllegalArgumentException("parjit: agent option '" + key + "' is given twice");
        }
      }
    }
    return new AgentOptions(values, env, args);
  }

  private static int positiveInt(String key, String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(key, value, "a positive integer");
  }

  private static HostFile hostFile(String value) {
    if (value == null || value.isBlank()) {
      throw bad("hostfile", value, "a host file (Open MPI format: 'host [slots=N]' per line)");
    }
    try {
      return HostFile.read(Path.of(value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("parjit: agent option hostfile=" + value + " is invalid: " + e.getMessage());
    }
  }

  private static boolean bool(String key, String value) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true": case "1": case "yes": return true;
      case "false": case "0": case "no": return false;
      default: throw bad(key, value, "true or false");
    }
  }

  private static Path path(String key, String value) {
    if (value == null || value.isBlank()) {
      throw bad(key, value, "a directory");
    }
    return Path.of(value);
  }

  private static List<String> splitList(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : value.split(";")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static IllegalArgumentException bad(String key, String value, String expected) {
    return new IllegalArgumentException("parjit: agent option " + key + "=" + value + " is invalid: expected " + expected);
  }

  public int workers() { return workers; }

  public List<String> workerJvm() { return workerJvm; }

  public boolean spmd() { return spmd; }

  public List<String> jitPatterns() { return jitPatterns; }

  public boolean diagnostics() { return diagnostics; }

  /** The compile cache directory, or {@code null} when the cache is off. */
  public Path cacheDir() { return cacheDir; }

  public String logLevel() { return logLevel; }

  /** Where to dump original and rewritten classes, or {@code null}. */
  public Path dumpDir() { return dumpDir; }

  public boolean strict() { return strict; }

  /** Floating-point sums and products over ranks are combined in rank order, independent of timing. */
  public boolean deterministic() { return deterministic; }

  public Role role() { return role; }

  /** Where spawn-mode workers run: the host file's slots in order (default: this machine). */
  public Placement workerPlacement() { return workerPlacement; }

  /** The network interface ranks talk over ({@code iface} or {@code PARJIT_IFACE}), or {@code null} for the rule in {@link NetworkChoice}. */
  public String iface() { return iface; }

  /** The option string as given, to pass on to workers. */
  public String raw() { return raw; }
}

package dev.parjit.it.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import dev.parjit.it.kernels.SpmdDifferentialTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile cache across real runs: a warm run analyses nothing on the driver or the workers and
 * prints the same; a damaged entry is detected, rebuilt and gives the same results; without the
 * option only opted-in classes are cached; SPMD ranks share entries.
 */
class CompileCacheSpawnTest {

  private static final Pattern STATS = Pattern.compile(
      "analyses=(\\d+) hits=(\\d+) misses=(\\d+) stores=(\\d+) rejected=(\\d+)");
  private static final Pattern DRIVER_HIT = Pattern.compile(
      "parjit: cache hit dev\\.parjit\\.it\\.cache\\.CacheMain \\(driver\\) from (\\S+)");

  @TempDir
  Path dir;

  @TempDir
  Path statsDir;

  private record Stats(long analyses, long hits, long misses, long stores, long rejected) { }

  private static Stats stats(String line) {
    Matcher m = STATS.matcher(line);
    assertTrue(m.find(), line);
    return new Stats(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
        Long.parseLong(m.group(4)), Long.parseLong(m.group(5)));
  }

  private static String agent() {
    return JobRunner.agentJar().toString();
  }

  private static String classes() {
    return JobRunner.testClasses().toString();
  }

  private static List<String> spawn(String options, List<String> jvm, String main) throws Exception {
    List<String> cmd = JobRunner.javaCommand("-javaagent:" + agent() + "=" + options,
        "-Dparjit.failOnTransformError=true");
    cmd.addAll(jvm);
    cmd.addAll(List.of("-cp", classes(), main));
    JobRunner.Finished run = JobRunner.runCommand(cmd, 180);
    assertEquals(0, run.exitCode(), run.text());
    return run.lines();
  }

  private static String line(List<String> out, String prefix) {
    return out.stream().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no line " + prefix + ":\n" + String.join("\n", out)));
  }

  /** What the program printed itself: results, diagnostics, warnings; no logs, counters or workers. */
  private static List<String> programOutput(List<String> out) {
    return out.stream().filter(l -> !l.startsWith("[rank") && !l.contains("_STATS") && !l.contains("parjit: cache")
        && !l.contains("parjit: ignoring") && !l.contains("for spawn mode") && !l.contains("started 2 workers"))
        .toList();
  }

  private static void assertSequentialResults(List<String> out) {
    List<String> expected = new ArrayList<>(CacheMain.results()); // this JVM has no agent
    expected.add("RESULT again 1000 " + CacheMain.countMultiples(1000, 3));
    List<String> results = out.stream().filter(l -> l.startsWith("RESULT ")).toList();
    assertEquals(expected.size(), results.size(), String.join("\n", out));
    for (int i = 0; i < expected.size(); i++) {
      SpmdDifferentialTest.assertSameResult(expected.get(i), results.get(i), "2 workers");
    }
  }

  private static Stats saved(Path statsDir, int rank) throws Exception {
    return stats(Files.readString(statsDir.resolve("rank-" + rank + ".txt")));
  }

  private static long count(List<String> out, String text) {
    return out.stream().filter(l -> l.contains(text)).count();
  }

  private List<Path> entries() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".pjc")).sorted().toList();
    }
  }

  private String cacheList() throws Exception {
    JobRunner.Finished list = JobRunner.runCommand(JobRunner.javaCommand("-cp", agent(),
        "dev.parjit.agent.cache.CacheTool", "list", dir.toString()), 60);
    assertEquals(0, list.exitCode(), list.text());
    return list.text();
  }

  @Test
  void warmRunAnalysesNothingAndADamagedEntryIsRebuilt() throws Exception {
    String options = "workers=2,cache=" + dir + ",log=info,diagnostics=true";
    List<String> jvm = List.of("-D" + CacheStatsProbe.STATS_DIR + "=" + statsDir);
    List<String> cold = spawn(options, jvm, CacheMain.class.getName());
    String text = String.join("\n", cold);
    assertSequentialResults(cold);
    Stats driver = stats(line(cold, "DRIVER_STATS "));
    assertEquals(1, driver.analyses(), text);
    assertEquals(1, driver.stores(), text);
    assertEquals(1, stats(line(cold, "WORKER_STATS_RANK0 ")).analyses(), text);
    assertEquals(2, entries().size(), "CacheMain for the driver and for the workers:\n" + text);
    assertEquals(1, count(cold, "ParjitWarning: No parallelism found for function 'CacheMain.firstAbove'"), text);

    List<String> warm = spawn(options, jvm, CacheMain.class.getName());
    text = String.join("\n", warm);
    assertEquals(new Stats(0, 1, 0, 0, 0), stats(line(warm, "DRIVER_STATS ")), text);
    assertEquals(new Stats(0, 1, 0, 0, 0), stats(line(warm, "WORKER_STATS_RANK0 ")), text);
    for (int rank = 0; rank < 2; rank++) {
      assertEquals(new Stats(0, 1, 0, 0, 0), saved(statsDir, rank), "rank " + rank + ":\n" + text);
    }
    assertEquals(0, count(warm, "parjit: cache miss"), text);
    assertEquals(1, count(warm, "parjit: cache hit dev.parjit.it.cache.CacheMain (driver)"), text);
    assertEquals(programOutput(cold), programOutput(warm), "a warm run prints what a cold one does");
    assertTrue(count(warm, "Distributed diagnostics for function CacheMain.dot") == 1, text);

    // Damage the workers' entry: both workers read it, at least one finds it damaged and rebuilds it.
    Matcher hit = warm.stream().map(DRIVER_HIT::matcher).filter(Matcher::find).findFirst().orElseThrow();
    Path workerEntry = entries().stream().filter(p -> !p.equals(Path.of(hit.group(1)))).findFirst().orElseThrow();
    byte[] data = Files.readAllBytes(workerEntry);
    data[data.length - 100] ^= 0x42;
    Files.write(workerEntry, data);
    List<String> damaged = spawn(options, jvm, CacheMain.class.getName());
    text = String.join("\n", damaged);
    assertSequentialResults(damaged);
    assertEquals(programOutput(cold), programOutput(damaged), text);
    long analysed = 0;
    long rejected = 0;
    for (int rank = 0; rank < 2; rank++) {
      Stats s = saved(statsDir, rank);
      analysed += s.analyses();
      rejected += s.rejected();
    }
    assertTrue(analysed >= 1 && rejected >= 1, text);
    assertEquals(new Stats(0, 1, 0, 0, 0), stats(line(damaged, "DRIVER_STATS ")), text);
    String list = cacheList();
    assertTrue(list.contains(": 2 entries,") && !list.contains("unusable"), list);
    assertEquals(2, list.lines().filter(l -> l.endsWith(" dev.parjit.it.cache.CacheMain")).count(), list);
  }

  @Test
  void withoutTheOptionOnlyOptedInClassesAreCached() throws Exception {
    List<String> jvm = List.of("-Dparjit.cacheDir=" + dir);
    List<String> cold = spawn("workers=2", jvm, OptInMain.class.getName());
    assertEquals(List.of("RESULT mean " + OptInMain.OptedIn.mean(1000), "RESULT sum " + OptInMain.NotOptedIn.sum(1000)),
        cold.stream().filter(l -> l.startsWith("RESULT ")).toList(), String.join("\n", cold));
    assertEquals(new Stats(2, 0, 1, 1, 0), stats(line(cold, "DRIVER_STATS ")), String.join("\n", cold));
    String list = cacheList();
    assertTrue(list.contains(": 2 entries,"), list);
    assertEquals(2, list.lines().filter(l -> l.endsWith("OptInMain$OptedIn")).count(), "driver and worker:\n" + list);
    List<String> warm = spawn("workers=2", jvm, OptInMain.class.getName());
    assertEquals(new Stats(1, 1, 0, 0, 0), stats(line(warm, "DRIVER_STATS ")), "NotOptedIn is compiled again:\n"
        + String.join("\n", warm));
  }

  @Test
  void spmdRanksWriteAndShareOneEntry() throws Exception {
    Map<Integer, Stats> first = spmd(3);
    assertEquals(1, entries().size(), "three ranks, one key");
    assertTrue(first.values().stream().mapToLong(Stats::analyses).sum() >= 1, first.toString());
    Map<Integer, Stats> second = spmd(3);
    second.forEach((rank, s) -> assertEquals(new Stats(0, 1, 0, 0, 0), s, "rank " + rank));
  }

  private Map<Integer, Stats> spmd(int ranks) throws Exception {
    JobRunner.Finished run = JobRunner.runCommand(JobRunner.launcherCommand(
        "--agent", agent(), "--agent-options", "cache=" + dir,
        "-np", Integer.toString(ranks), "-Dparjit.failOnTransformError=true", "-cp", classes(),
        CacheMain.class.getName()), 180);
    assertEquals(0, run.exitCode(), run.text());
    Map<Integer, Stats> out = new java.util.TreeMap<>();
    for (int r = 0; r < ranks; r++) {
      String prefix = "[rank " + r + "] ";
      out.put(r, stats(line(run.lines(), prefix + "DRIVER_STATS ")));
      assertSequentialResults(run.lines().stream().filter(l -> l.startsWith(prefix + "RESULT "))
          .map(l -> l.substring(l.indexOf(']') + 2)).toList());
    }
    return out;
  }
}

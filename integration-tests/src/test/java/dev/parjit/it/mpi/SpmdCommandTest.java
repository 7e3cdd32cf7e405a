package dev.parjit.it.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code bin/parjit spmd -np 4 -cp DIR HelloRanks}, through the launcher's command line. */
class SpmdCommandTest {

  @Test
  void helloRanksPrintsOnePrefixedLinePerRankAndTheSumOfRanks() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", JobRunner.moduleClasspath("mpi"), "dev.parjit.mpi.launch.LauncherMain",
        "-np", "4", "-cp", JobRunner.root().resolve("demo-app/target/classes").toString(), "dev.parjit.demo.HelloRanks")
        .redirectErrorStream(true).start();
    try {
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launch finished");
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), out);
      List<String> lines = Arrays.stream(out.split("\n")).filter(l -> l.contains("hello from rank")).toList();
      assertEquals(4, lines.size(), out);
      Set<Integer> ranks = new TreeSet<>();
      for (String line : lines) {
        int prefixRank = Integer.parseInt(line.substring("[rank ".length(), line.indexOf(']')));
        int saidRank = Integer.parseInt(line.replaceAll(".*hello from rank (\\d+) of 4.*", "$1"));
        assertEquals(prefixRank, saidRank, line);
        assertTrue(line.endsWith("sum of ranks = 6"), line);
        ranks.add(prefixRank);
      }
      assertEquals(Set.of(0, 1, 2, 3), ranks);
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void badUsageIsOneClearLine() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (List<String> args : List.of(List.of("-np", "zero", "Main"), List.of("Main"), List.of("-np", "2"))) {
      List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", JobRunner.moduleClasspath("mpi"),
          "dev.parjit.mpi.launch.LauncherMain"));
      cmd.addAll(args);
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertEquals(2, p.exitValue(), out);
      assertEquals(1, out.lines().count(), out);
      assertTrue(out.startsWith("parjit spmd: "), out);
    }
  }
}

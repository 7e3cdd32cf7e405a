package dev.parjit.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/parjit spmd|java --hostfile F [--oversubscribe]}: slots bound the ranks, in one line beyond them. */
class HostfileCliTest {

  private static JobRunner.Finished parjit(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", JobRunner.root().resolve("bin/parjit").toString()));
    cmd.addAll(List.of(args));
    return JobRunner.runCommand(cmd, 180);
  }

  private static List<String> meaningful(JobRunner.Finished run) {
    return run.lines().stream().filter(l -> !l.startsWith("parjit: building")).toList();
  }

  private static String tests() {
    return JobRunner.testClasses().toString();
  }

  @Test
  void moreRanksThanSlotsIsOneLineAndOversubscribeAllowsThem(@TempDir Path dir) throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "localhost slots=2\n");
    JobRunner.Finished refused = parjit("spmd", "-np", "3", "--hostfile", hosts.toString(), "-cp", tests(),
        StartupProbe.class.getName(), "1000");
    assertEquals(2, refused.exitCode(), refused.text());
    assertEquals(List.of("parjit spmd: 3 ranks asked for but host file " + hosts + " offers 2 slots (localhost: 2);"
        + " give fewer ranks, more slots, or --oversubscribe"), meaningful(refused));

    JobRunner.Finished over = parjit("spmd", "-np", "3", "--hostfile", hosts.toString(), "--oversubscribe", "-cp", tests(),
        StartupProbe.class.getName(), "1000");
    assertEquals(0, over.exitCode(), over.text());
    assertEquals(3, over.lines().stream().filter(l -> l.contains("] RESULT2 ")).count(), over.text());
  }

  @Test
  void spawnWorkersAreBoundByTheHostFilesSlots(@TempDir Path dir) throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "localhost slots=2\n");
    JobRunner.Finished refused = parjit("java", "--hostfile", hosts.toString(), "--workers", "3", "-cp", tests(),
        StartupProbe.class.getName(), "1000");
    assertNotEquals(0, refused.exitCode(), refused.text());
    List<String> lines = meaningful(refused);
    assertEquals(1, lines.size(), refused.text());
    assertTrue(lines.get(0).contains("agent option workers=3 is invalid: 3 ranks asked for but host file " + hosts
        + " offers 2 slots"), refused.text());

    JobRunner.Finished over = parjit("java", "--hostfile", hosts.toString(), "--oversubscribe", "--workers", "3",
        "--agent-options", "log=info", "-cp", tests(), StartupProbe.class.getName(), "1000");
    assertEquals(0, over.exitCode(), over.text());
    assertTrue(over.lines().contains("RESULT " + StartupProbe.sumOfSquares(1000)), over.text());
    assertTrue(over.lines().stream().anyMatch(l -> l.matches(".*parjit: placement \\w+\\.sumOfSquares: workers")), over.text());
    assertEquals(3, over.lines().stream().filter(l -> l.matches("\\[rank \\d\\] .*parjit: worker rank \\d runs on 127\\.0\\.0\\.1"))
        .count(), over.text());
  }

  @Test
  void aMissingHostFileIsNamed() throws Exception {
    JobRunner.Finished run = parjit("java", "--hostfile", "/nonexistent/hosts", "-cp", tests(), StartupProbe.class.getName());
    assertEquals(2, run.exitCode(), run.text());
    assertEquals(List.of("parjit: host file '/nonexistent/hosts' does not exist"), meaningful(run));
  }
}

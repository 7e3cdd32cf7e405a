package dev.parjit.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Started by Slurm (issue 15, item 5): three local processes with the variables {@code srun -n 3}
 * sets ({@code SLURM_PROCID}, {@code SLURM_NTASKS}, {@code SLURM_STEP_NODELIST}, job and step
 * ids), each running {@code bin/parjit spmd}'s launcher, form one job: rank 0 runs the rendezvous
 * and publishes it in a private file, and each task is the rank Slurm says.
 */
class SlurmTasksTest {

  private static List<String> runTasks(int tasks, Path dir, String jobId, List<String> program) throws Exception {
    List<Process> procs = new ArrayList<>();
    try {
      for (int r = 0; r < tasks; r++) {
        List<String> cmd = JobRunner.launcherCommand();
        cmd.addAll(program);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(java.util.Map.of("SLURM_PROCID", Integer.toString(r), "SLURM_NTASKS", Integer.toString(tasks),
            "SLURM_STEP_NODELIST", "localhost", "SLURM_JOB_ID", jobId, "SLURM_STEP_ID", "0", "PARJIT_SLURM_DIR", dir.toString()));
        procs.add(pb.start());
      }
      List<String> lines = new ArrayList<>();
      for (int r = 0; r < tasks; r++) {
        Process p = procs.get(r);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "task " + r + " finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "task " + r + ":\n" + out);
        out.lines().forEach(l -> lines.add("task " + p.pid() + ": " + l));
      }
      return lines;
    } finally {
      for (Process p : procs) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
  }

  @Test
  void eachTaskIsTheRankSlurmSaysAndTheyFormOneJob(@TempDir Path dir) throws Exception {
    List<String> lines = runTasks(3, dir, "4711" + ProcessHandle.current().pid(), List.of("-cp",
        JobRunner.root().resolve("demo-app/target/classes").toString(), "dev.parjit.demo.HelloRanks"));
    Set<String> hellos = new TreeSet<>();
    for (String l : lines) {
      if (l.contains("hello from rank")) {
        hellos.add(l.replaceAll(".*(hello from rank \\d+ of \\d+; sum of ranks = \\d+).*", "$1"));
      }
    }
    assertEquals(Set.of("hello from rank 0 of 3; sum of ranks = 3", "hello from rank 1 of 3; sum of ranks = 3",
        "hello from rank 2 of 3; sum of ranks = 3"), hellos, String.join("\n", lines));
    try (var left = Files.list(dir)) {
      assertEquals(0, left.filter(f -> f.getFileName().toString().startsWith("rendezvous-")).count(),
          "rank 0 removed the published rendezvous once every rank had it");
    }
  }

  @Test
  void jitKernelsRunOnTheSlurmRanksWithTheAgent(@TempDir Path dir) throws Exception {
    List<String> lines = runTasks(3, dir, "4712" + ProcessHandle.current().pid(), List.of("--agent",
        JobRunner.agentJar().toString(), "-cp",
        JobRunner.testClasses().toString(), StartupProbe.class.getName(), "100003"));
    String expected = "RESULT " + StartupProbe.sumOfSquares(100_003);
    assertEquals(3, lines.stream().filter(l -> l.endsWith(expected)).count(), String.join("\n", lines));
    Set<String> ranks = new TreeSet<>();
    lines.stream().filter(l -> l.contains("RESULT2 ")).forEach(l -> ranks.add(l.replaceAll(".* rank (\\d+)$", "$1")));
    assertEquals(Set.of("0", "1", "2"), ranks, String.join("\n", lines));
  }

  @Test
  void aDisagreeingNpIsOneClearLine(@TempDir Path dir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(JobRunner.launcherCommand("-np", "2", "Main")).redirectErrorStream(true);
    pb.environment().putAll(java.util.Map.of("SLURM_PROCID", "0", "SLURM_NTASKS", "3", "SLURM_STEP_NODELIST", "localhost",
        "PARJIT_SLURM_DIR", dir.toString()));
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(2, p.exitValue(), out);
    assertEquals("parjit spmd: under Slurm each srun task is one rank (SLURM_NTASKS=3); -np 2 disagrees: drop -np or give srun -n 2",
        out);
  }
}

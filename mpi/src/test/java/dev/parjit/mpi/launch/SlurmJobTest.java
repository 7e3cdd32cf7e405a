package dev.parjit.mpi.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slurm's environment: host lists, which task this is, and rank 0's published rendezvous. */
class SlurmJobTest {

  @Test
  void hostListsExpandLikeScontrol() {
    assertEquals(List.of("node01", "node02", "node03", "node07", "gpu1"), SlurmHostList.expand("node[01-03,07],gpu1"));
    assertEquals(List.of("a", "b9", "b10", "c-x1"), SlurmHostList.expand("a,b[9-10],c-x[1]"));
    assertThrows(IllegalArgumentException.class, () -> SlurmHostList.expand("n[1-"));
    assertThrows(IllegalArgumentException.class, () -> SlurmHostList.expand("n[3-1]"));
  }

  @Test
  void aTaskIsDetectedFromSlurmsVariablesUnlessTheLauncherStartedIt() {
    Map<String, String> env = Map.of("SLURM_PROCID", "2", "SLURM_NTASKS", "4", "SLURM_STEP_NODELIST", "n[1-2]",
        "SLURM_JOB_ID", "77", "SLURM_STEP_ID", "3");
    SlurmJob job = SlurmJob.detect(env).orElseThrow();
    assertEquals(new SlurmJob(2, 4, List.of("n1", "n2"), "77.3"), job);
    assertTrue(SlurmJob.detect(Map.of("SLURM_PROCID", "0")).isEmpty(), "not a step without the task count and nodes");
    Map<String, String> launched = new java.util.HashMap<>(env);
    launched.putAll(Map.of(RankEnvironment.RANK, "0", RankEnvironment.SIZE, "1", RankEnvironment.RENDEZVOUS, "h:1"));
    assertTrue(SlurmJob.detect(launched).isEmpty(), "a rank of Parjit's own launcher inside an allocation");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SlurmJob.detect(Map.of("SLURM_PROCID", "4", "SLURM_NTASKS", "4", "SLURM_STEP_NODELIST", "n1")));
    assertEquals("SLURM_PROCID=4 is not a rank of SLURM_NTASKS=4", e.getMessage());
  }

  @Test
  void rankZeroPublishesTheRendezvousForTheUserOnly(@TempDir Path dir) throws Exception {
    Path file = SlurmJob.rendezvousFile(Map.of(SlurmJob.DIR_ENV, dir.toString()), "9.0");
    JobSecret secret = JobSecret.generate();
    SlurmJob.publish(file, "10.0.0.1", 4242, secret);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    SlurmJob.Published p = SlurmJob.await(file);
    assertEquals("10.0.0.1", p.host());
    assertEquals(4242, p.port());
    assertEquals(secret.encoded(), p.secret().encoded());
  }
}

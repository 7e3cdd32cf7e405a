package dev.parjit.mpi.launch;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rank started by Slurm ({@code srun}): rank, size and hosts come from {@code SLURM_PROCID},
 * {@code SLURM_NTASKS} and {@code SLURM_STEP_NODELIST} instead of the Parjit launcher. There is
 * no launcher, so rank 0 runs the rendezvous and publishes its address and a fresh job secret in
 * a file only the user can read, on the shared file system ({@code PARJIT_SLURM_DIR}, default
 * {@code ~/.cache/parjit/slurm}), named after the job and step; the other ranks wait for it.
 *
 * @param rank  {@code SLURM_PROCID}
 * @param size  {@code SLURM_NTASKS}
 * @param hosts the step's nodes, expanded
 * @param step  {@code jobid.stepid}, naming the rendezvous file
 */
record SlurmJob(int rank, int size, List<String> hosts, String step) {

  static final String DIR_ENV = "PARJIT_SLURM_DIR";
  private static final long WAIT_MS = 60_000;

  /** The Slurm task this process is, when started by {@code srun} and not by Parjit's launcher. */
  static Optional<SlurmJob> detect(Map<String, String> env) {
    String procId = env.get("SLURM_PROCID");
    String ntasks = env.get("SLURM_NTASKS");
    String nodes = env.getOrDefault("SLURM_STEP_NODELIST", env.get("SLURM_JOB_NODELIST"));
    if (procId == null || ntasks == null || nodes == null || RankEnvironment.isRank(env)) {
      return Optional.empty();
    }
    int rank;
    int size;
    try {
      rank = Integer.parseInt(procId.trim());
      size = Integer.parseInt(ntasks.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("SLURM_PROCID='" + procId + "' and SLURM_NTASKS='" + ntasks + "' must be integers");
    }
    if (size < 1 || rank < 0 || rank >= size) {
      throw new IllegalArgumentException("SLURM_PROCID=" + rank + " is not a rank of SLURM_NTASKS=" + size);
    }
    String step = env.getOrDefault("SLURM_JOB_ID", "0") + "." + env.getOrDefault("SLURM_STEP_ID", "0");
    return Optional.of(new SlurmJob(rank, size, SlurmHostList.expand(nodes), step));
  }

  /** The nodes as a placement input (one slot each: only whether any is remote matters here). */
  Placement nodes() {
    List<HostFile.Host> hs = new ArrayList<>();
    for (String h : hosts) {
      hs.add(new HostFile.Host(h, 1));
    }
    HostFile f = new HostFile("SLURM_STEP_NODELIST", hs);
    return Placement.of(f, f.totalSlots(), false);
  }

  /** Where rank 0 publishes the rendezvous. */
  static Path rendezvousFile(Map<String, String> env, String step) {
    String dir = env.get(DIR_ENV);
    Path base = dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".cache", "parjit", "slurm");
    return base.resolve("rendezvous-" + step);
  }

  /** Rank 0: writes {@code host port secret} readable by the user only, atomically. */
  static void publish(Path file, String host, int port, JobSecret secret) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), ".rendezvous-", ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, host + " " + port + " " + secret.encoded() + "\n");
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** What rank 0 published: host, port and secret. */
  record Published(String host, int port, JobSecret secret) { }

  /** Other ranks: waits up to 60 s for rank 0's file. */
  static Published await(Path file) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MS;
    while (true) {
      if (Files.exists(file)) {
        String[] words = Files.readString(file).trim().split("\\s+");
        if (words.length == 3) {
          return new Published(words[0], Integer.parseInt(words[1]), JobSecret.decode(words[2]));
        }
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IOException("rank 0 did not publish the rendezvous in " + file + " within " + WAIT_MS / 1000
            + " s (is that directory on a file system every node shares? set " + DIR_ENV + ")");
      }
      Thread.sleep(50);
    }
  }

  /** The address rank 0 listens on: loopback when every node is this one. */
  InetAddress rendezvousAddress(String iface) {
    return NetworkChoice.launcherAddress(nodes(), iface);
  }
}

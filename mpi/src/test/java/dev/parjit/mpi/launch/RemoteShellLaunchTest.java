package dev.parjit.mpi.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote start path without remote hosts: a fake remote shell that runs the command here
 * ({@code sh -c}, ignoring the host), for hosts named {@code node-a}/{@code node-b} that are not
 * this machine. The remote command must make its own MPJ_HOME (and remove it), get the secret on
 * standard input, join, and end when the launcher closes; a remote shell that never starts the
 * rank fails the launch naming the host. (Real ssh into namespaces: {@code MultiHostTest}.)
 */
class RemoteShellLaunchTest {

  private static Path fakeRsh(Path dir, String body) throws Exception {
    Path rsh = dir.resolve("fake-rsh");
    Files.writeString(rsh, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(rsh, PosixFilePermissions.fromString("rwx------"));
    return rsh;
  }

  private static Placement twoFakeHosts() {
    return Placement.of(HostFile.parse("F", List.of("node-a.invalid", "node-b.invalid")), 2, false);
  }

  @Test
  void remoteRanksStartThroughTheRemoteShellAndCleanUp(@TempDir Path dir) throws Exception {
    Path rsh = fakeRsh(dir, "shift; exec sh -c \"$1\""); // drop the host, run the command here
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    try (Launcher job = Launcher.builder().placement(twoFakeHosts()).iface("lo").remoteShell(List.of(rsh.toString()))
        .mainClass(RemoteRankMain.class.getName()).args(List.of("0"))
        .output((r, err, line) -> lines.add(r + (err ? " ERR " : " ") + line)).start()) {
      LaunchResult result = job.waitFor();
      assertTrue(result.succeeded(), result.message() + "\n" + String.join("\n", lines));
    }
    List<String> homes = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      String prefix = r + " RANK " + r + " SUM 1 HOME ";
      String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(lines));
      homes.add(line.substring(prefix.length()));
    }
    assertNotEquals(homes.get(0), homes.get(1), "each remote rank makes its own MPJ_HOME");
    for (String h : homes) {
      assertFalse(Files.exists(Path.of(h)), "removed when the rank ended: " + h);
    }
    assertFalse(lines.stream().anyMatch(l -> l.contains(RemoteShell.STARTED)), "the start marker is not forwarded: " + lines);
  }

  @Test
  void aRemoteShellThatNeverStartsTheRankFailsTheLaunchNamingTheHost(@TempDir Path dir) throws Exception {
    Path rsh = fakeRsh(dir, "exec sleep 600"); // a host that drops packets: ssh would wait for minutes
    long t0 = System.nanoTime();
    try (Launcher job = Launcher.builder().placement(twoFakeHosts()).iface("lo").remoteShell(List.of(rsh.toString()))
        .remoteStartTimeoutMillis(1500).mainClass(RemoteRankMain.class.getName()).args(List.of("0")).start()) {
      LaunchResult result = job.waitFor();
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertFalse(result.succeeded());
      assertEquals("rank 0 on host node-a.invalid was not started within 1 s: could the remote shell (PARJIT_RSH) reach"
          + " node-a.invalid?", result.message());
      assertTrue(ms < 10_000, ms + " ms");
    }
  }

  @Test
  void theRemoteCommandQuotesEverything() {
    List<String> cmd = RemoteShell.command(List.of("ssh", "-i", "k"), "h", "/work dir/it's",
        new java.util.LinkedHashMap<>(java.util.Map.of("A", "x y")), List.of("/j/java", "-Da=$HOME", "Main"));
    assertEquals(List.of("ssh", "-i", "k", "h"), cmd.subList(0, 4));
    String script = cmd.get(4);
    assertTrue(script.startsWith("cd '/work dir/it'\\''s' && "), script);
    assertTrue(script.contains("A='x y' MPJ_HOME=\"$d\" '/j/java' '-Da=$HOME' 'Main' ;"), script);
  }
}

package dev.parjit.it.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Simulated hosts on this machine: Linux network namespaces joined by a bridge, each with its own
 * address in a private /24 and, where asked, its own Debian {@code sshd} with a throwaway host
 * key and an authorized key generated in a private temporary directory. The machine's root
 * namespace is the bridge's {@code .1}: launchers and spawn drivers run there, as on a login node.
 * The file system is shared (namespaces only separate the network), as on an HPC cluster.
 *
 * <p>Names carry this JVM's pid, so concurrent runs never collide; {@link #close} (also run by a
 * shutdown hook) kills every process left in the namespaces and removes namespaces, links, the
 * bridge and the directory, whatever happened. Needs root: {@link #unavailableReason} says why not.
 * {@code openssh-server} is installed with apt-get when {@code sshd} is missing, as
 * {@code bin/parjit} installs MPJ Express.
 */
public final class SimulatedHosts implements AutoCloseable {

  static final String SSHD = "/usr/sbin/sshd";

  /** One simulated host. */
  public record Host(String namespace, String address, boolean ssh) { }

  private final String prefix = "pj" + ProcessHandle.current().pid();
  private final String bridge = prefix + "b";
  private final Path dir;
  private final String subnet;
  private final List<Host> hosts = new ArrayList<>();
  private final List<Process> sshds = new ArrayList<>();
  private final Thread hook = new Thread(this::close, "simulated-hosts-cleanup");
  private boolean closed;

  /** Why namespaces cannot be made here, or {@code null} when they can. */
  public static String unavailableReason() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return "not root: network namespaces need root";
    }
    String probe = "pjprobe" + ProcessHandle.current().pid();
    try {
      if (run(List.of("ip", "netns", "add", probe)).exit() != 0) {
        return "ip netns add is not permitted here";
      }
      run(List.of("ip", "netns", "del", probe));
    } catch (IOException e) {
      return "the ip command (iproute2) is missing";
    }
    return null;
  }

  /** Creates {@code ssh.length} hosts; host i runs sshd when {@code ssh[i]}. */
  public SimulatedHosts(boolean... ssh) throws IOException, InterruptedException {
    Runtime.getRuntime().addShutdownHook(hook);
    dir = Files.createTempDirectory("parjit-hosts-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    try {
      ensureSshd();
      subnet = freeSubnet();
      must("ip", "link", "add", bridge, "type", "bridge");
      must("ip", "addr", "add", subnet + ".1/24", "dev", bridge);
      must("ip", "link", "set", bridge, "up");
      must("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("client_key").toString());
      must("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host_key").toString());
      Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
      for (int i = 0; i < ssh.length; i++) {
        String ns = prefix + "h" + i;
        String outside = prefix + "v" + i;
        String inside = prefix + "p" + i;
        String address = subnet + "." + (11 + i);
        must("ip", "netns", "add", ns);
        hosts.add(new Host(ns, address, ssh[i]));
        must("ip", "link", "add", outside, "type", "veth", "peer", "name", inside);
        must("ip", "link", "set", inside, "netns", ns);
        must("ip", "link", "set", outside, "master", bridge);
        must("ip", "link", "set", outside, "up");
        must("ip", "netns", "exec", ns, "ip", "addr", "add", address + "/24", "dev", inside);
        must("ip", "netns", "exec", ns, "ip", "link", "set", inside, "up");
        must("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
        if (ssh[i]) {
          startSshd(ns, address, i);
        }
      }
      for (Host h : hosts) {
        if (h.ssh()) {
          awaitSsh(h);
        }
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void startSshd(String ns, String address, int i) throws IOException {
    Path config = dir.resolve("sshd_config_" + i);
    Files.writeString(config, String.join("\n",
        "ListenAddress " + address,
        "Port 22",
        "HostKey " + dir.resolve("host_key"),
        "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
        "PermitRootLogin prohibit-password",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "UsePAM no",
        "StrictModes no",
        "PidFile " + dir.resolve("sshd_" + i + ".pid"),
        ""));
    Files.createDirectories(Path.of("/run/sshd")); // privilege separation directory; Debian's service makes it
    Process p = new ProcessBuilder("ip", "netns", "exec", ns, SSHD, "-D", "-e", "-f", config.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("sshd_" + i + ".log").toFile()).start();
    sshds.add(p);
  }

  private void awaitSsh(Host h) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      List<String> cmd = new ArrayList<>(List.of(rsh().split(" ")));
      cmd.addAll(List.of(h.address(), "true"));
      if (run(cmd).exit() == 0) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("sshd in " + h.namespace() + " did not answer: " + Files.readString(dir.resolve(
            "sshd_" + hosts.indexOf(h) + ".log")));
      }
      Thread.sleep(100);
    }
  }

  /** The remote shell command for {@code PARJIT_RSH}: ssh with the throwaway key, no prompts, no known_hosts. */
  public String rsh() {
    return "ssh -i " + dir.resolve("client_key") + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null"
        + " -o BatchMode=yes -o LogLevel=ERROR -o ConnectTimeout=5";
  }

  public List<Host> hosts() {
    return hosts;
  }

  /** The root namespace's address on the bridge. */
  public String bridgeAddress() {
    return subnet + ".1";
  }

  /** The bridge's interface name in this machine's namespace. */
  public String bridgeName() {
    return bridge;
  }

  /** The hosts' subnet, {@code 10.213.x.0/24}. */
  public String subnetCidr() {
    return subnet + ".0/24";
  }

  /** A private directory for the test's files (host files, scratch). */
  public Path dir() {
    return dir;
  }

  /** Processes in {@code host}'s namespace, other than its sshd listener. */
  public List<ProcessHandle> processesIn(Host host) throws IOException, InterruptedException {
    Result r = run(List.of("ip", "netns", "pids", host.namespace()));
    List<Long> listeners = sshds.stream().map(Process::pid).toList();
    List<ProcessHandle> out = new ArrayList<>();
    for (String line : r.out().split("\\s+")) {
      if (!line.isBlank()) {
        long pid = Long.parseLong(line.trim());
        if (!listeners.contains(pid)) {
          ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  /** A /24 in 10.213.0.0/16 that no interface here uses (another test run may hold one). */
  private static String freeSubnet() throws IOException {
    String used = run(List.of("ip", "-4", "addr")).out();
    int start = (int) (ProcessHandle.current().pid() % 200);
    for (int k = 0; k < 200; k++) {
      String s = "10.213." + (20 + (start + k) % 200);
      if (!used.contains(s + ".")) {
        return s;
      }
    }
    throw new IOException("no free /24 in 10.213.0.0/16");
  }

  private static void ensureSshd() throws IOException, InterruptedException {
    if (Files.isExecutable(Path.of(SSHD))) {
      return;
    }
    System.out.println("SimulatedHosts: installing openssh-server (Debian) for the simulated hosts' sshd...");
    Result update = run(List.of("apt-get", "update", "-qq"));
    Result install = run(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq",
        "--no-install-recommends", "openssh-server"));
    if (!Files.isExecutable(Path.of(SSHD))) {
      throw new IOException("could not install openssh-server: " + update.out() + install.out());
    }
  }

  private record Result(int exit, String out) { }

  private static Result run(List<String> cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        throw new IOException("did not finish: " + cmd);
      }
      return new Result(p.exitValue(), out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + cmd);
    } finally {
      p.destroyForcibly();
    }
  }

  private static void must(String... cmd) throws IOException {
    Result r = run(List.of(cmd));
    if (r.exit() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed (" + r.exit() + "): " + r.out().trim());
    }
  }

  /** Kills what runs in the namespaces, then removes namespaces, links, bridge and files. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Host h : hosts) {
      try {
        for (ProcessHandle p : processesIn(h)) {
          p.destroyForcibly();
        }
      } catch (IOException | InterruptedException | RuntimeException e) {
        // go on removing
      }
    }
    for (Process p : sshds) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      try {
        p.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Host h : hosts) {
      quietly("ip", "netns", "del", h.namespace()); // takes its end of the veth pair, and so the pair, with it
    }
    for (int i = 0; i < hosts.size(); i++) {
      quietly("ip", "link", "del", prefix + "v" + i); // in case the namespace was gone first
    }
    quietly("ip", "link", "del", bridge);
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        // best effort
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down: this is the hook
    }
  }

  private static void quietly(String... cmd) {
    try {
      run(List.of(cmd));
    } catch (IOException e) {
      // best effort
    }
  }
}

package dev.parjit.mpi.launch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A host file in Open MPI's format: one host per line, {@code host [slots=N]}, {@code #} starts a
 * comment. A host without {@code slots} has one; a host named twice has the sum of its lines'
 * slots (as in Open MPI). Without a host file the job runs on this machine with
 * {@link #localSlots()} slots.
 *
 * @param source where the hosts came from, for messages ({@code "host file F"}, {@code "this machine"}, {@code "Slurm"})
 * @param hosts  in file order: rank 0 goes to the first
 */
public record HostFile(String source, List<Host> hosts) {

  private static final Map<String, Boolean> LOCAL = new java.util.concurrent.ConcurrentHashMap<>();

  /** One host and its slots. */
  public record Host(String name, int slots) {
    /** Whether ranks on this host start as local processes (no remote shell). */
    public boolean local() {
      return LOCAL.computeIfAbsent(name, HostFile::isLocal); // a name resolves once per process
    }
  }

  public HostFile {
    hosts = List.copyOf(hosts);
  }

  /** Reads a host file; a clear exception naming the file and line for anything malformed. */
  public static HostFile read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read host file " + file + ": " + e.getMessage());
    }
    return parse("host file " + file, lines);
  }

  static HostFile parse(String source, List<String> lines) {
    Map<String, Integer> slots = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replaceAll("#.*", "").trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] words = line.split("\\s+");
      int n = 1;
      for (int w = 1; w < words.length; w++) {
        String[] kv = words[w].split("=", 2);
        if (kv.length != 2 || !kv[0].equals("slots")) {
          throw new IllegalArgumentException(source + " line " + (i + 1) + ": '" + words[w]
              + "' is not slots=N (the format is 'host [slots=N]')");
        }
        n = slotCount(kv[1], source + " line " + (i + 1));
      }
      slots.merge(words[0], n, Integer::sum);
    }
    if (slots.isEmpty()) {
      throw new IllegalArgumentException(source + " names no host");
    }
    List<Host> hosts = new ArrayList<>();
    slots.forEach((h, n) -> hosts.add(new Host(h, n)));
    return new HostFile(source, hosts);
  }

  private static int slotCount(String s, String where) {
    try {
      int n = Integer.parseInt(s);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(where + ": slots must be a positive integer, got '" + s + "'");
  }

  /** This machine alone, with {@link #localSlots()} slots. */
  public static HostFile localMachine() {
    return new HostFile("this machine", List.of(new Host("localhost", localSlots())));
  }

  /**
   * Slots of this machine when no host file is given: four per processor, at least 8. More than
   * one rank per core is common in tests and for I/O-bound programs; the bound is there so that a
   * typo such as {@code -np 100000} fails at once instead of starting that many JVMs.
   */
  public static int localSlots() {
    return Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
  }

  /** Every host's slots added up. */
  public int totalSlots() {
    return hosts.stream().mapToInt(Host::slots).sum();
  }

  /** Whether every host is this machine (the job then binds loopback only). */
  public boolean allLocal() {
    return hosts.stream().allMatch(Host::local);
  }

  /**
   * Whether a host name means this machine: {@code localhost}, a loopback address, this machine's
   * name, or an address of one of its interfaces (in this network namespace).
   */
  public static boolean isLocal(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    try {
      if (host.equals(InetAddress.getLocalHost().getHostName())) {
        return true;
      }
    } catch (UnknownHostException e) {
      // the name does not resolve: compare addresses only
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || NetworkInterface.getByInetAddress(a) != null) {
          return true;
        }
      }
    } catch (UnknownHostException | SocketException e) {
      return false; // unknown names are remote: the remote shell reports them
    }
    return false;
  }
}

package dev.parjit.mpi.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Which local address a job's sockets bind: the launcher's rendezvous and the driver's channel,
 * and every rank's niodev ports. One rule, used on both sides:
 * <ol>
 * <li>an interface named by {@code PARJIT_IFACE} (or the agent option {@code iface}) wins: its
 *     first IPv4 address (else its first address). As with Open MPI's {@code btl_tcp_if_include},
 *     a subnet in CIDR notation ({@code 10.1.0.0/16}) may be given instead: the local address in
 *     it, which suits clusters whose hosts name the same network differently;</li>
 * <li>when the peer is this machine (a single-host run), loopback;</li>
 * <li>otherwise the address the routing table uses to reach the peer: the launcher looks at the
 *     first remote host of the host file, a rank at the launcher's address.</li>
 * </ol>
 * Finding the route sends nothing: a UDP socket is connected, which only asks the kernel.
 */
public final class NetworkChoice {

  /** The environment variable naming the interface ranks talk over. */
  public static final String IFACE_ENV = "PARJIT_IFACE";

  private NetworkChoice() { }

  /** The launcher's (or the spawn driver's) address for a job placed as given. */
  public static InetAddress launcherAddress(Placement placement, String iface) {
    if (iface != null && !iface.isBlank()) {
      return interfaceAddress(iface);
    }
    String remote = placement.firstRemoteHost();
    return remote == null ? InetAddress.getLoopbackAddress() : routeTo(remote);
  }

  /** A rank's address, given the launcher's address it connects to. */
  public static InetAddress rankAddress(String launcherHost, String iface) {
    if (iface != null && !iface.isBlank()) {
      return interfaceAddress(iface);
    }
    try {
      InetAddress target = InetAddress.getByName(launcherHost);
      return target.isLoopbackAddress() ? InetAddress.getLoopbackAddress() : routeTo(launcherHost);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot resolve the launcher's address " + launcherHost + ": " + e.getMessage());
    }
  }

  private static InetAddress addressInSubnet(String cidr) {
    String[] parts = cidr.split("/", 2);
    byte[] net;
    int bits;
    try {
      net = InetAddress.getByName(parts[0]).getAddress();
      bits = Integer.parseInt(parts[1]);
    } catch (IOException | NumberFormatException e) {
      throw new IllegalArgumentException(IFACE_ENV + "/iface '" + cidr + "' is neither an interface name nor a subnet a.b.c.d/n");
    }
    if (bits < 0 || bits > net.length * 8) {
      throw new IllegalArgumentException(IFACE_ENV + "/iface '" + cidr + "': the prefix length must be 0-" + net.length * 8);
    }
    List<String> seen = new java.util.ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          seen.add(a.getHostAddress());
          if (inSubnet(a.getAddress(), net, bits)) {
            return a;
          }
        }
      }
    } catch (SocketException e) {
      throw new UncheckedIOException("cannot list network interfaces", e);
    }
    throw new IllegalArgumentException("no local address is in " + cidr + " (" + IFACE_ENV + "/iface); this host has " + seen);
  }

  static boolean inSubnet(byte[] address, byte[] net, int bits) {
    if (address.length != net.length) {
      return false;
    }
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >>> (i % 8);
      if ((address[i / 8] & mask) != (net[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** The local address the kernel would send from to reach {@code host}. */
  static InetAddress routeTo(String host) {
    try (DatagramSocket probe = new DatagramSocket()) {
      probe.connect(new InetSocketAddress(InetAddress.getByName(host), 9));
      InetAddress local = probe.getLocalAddress();
      if (local == null || local.isAnyLocalAddress()) {
        throw new IllegalArgumentException("no route from this machine to " + host + " (set " + IFACE_ENV + ")");
      }
      return local;
    } catch (SocketException | java.net.UnknownHostException e) {
      throw new IllegalArgumentException("cannot find the interface that reaches " + host + ": " + e.getMessage()
          + " (set " + IFACE_ENV + ")");
    }
  }

  /** The address of interface {@code name} (IPv4 first), or the local address in subnet {@code a.b.c.d/n}; a clear exception naming the choices there are. */
  static InetAddress interfaceAddress(String name) {
    if (name.contains("/")) {
      return addressInSubnet(name.trim());
    }
    try {
      NetworkInterface nic = NetworkInterface.getByName(name);
      if (nic == null) {
        List<String> names = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
            .map(NetworkInterface::getName).sorted().toList();
        throw new IllegalArgumentException("network interface '" + name + "' (" + IFACE_ENV + "/iface) does not exist here;"
            + " there are " + names);
      }
      List<InetAddress> addresses = Collections.list(nic.getInetAddresses());
      return addresses.stream().min(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1))
          .orElseThrow(() -> new IllegalArgumentException("network interface '" + name + "' has no address"));
    } catch (SocketException e) {
      throw new UncheckedIOException("cannot list network interfaces", e);
    }
  }
}

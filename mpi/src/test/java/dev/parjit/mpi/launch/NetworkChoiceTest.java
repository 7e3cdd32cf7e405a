package dev.parjit.mpi.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a job binds: loopback alone, an interface or subnet given, else the route to the peer. */
class NetworkChoiceTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void aSingleHostJobBindsLoopback() {
    assertEquals(LOOPBACK, NetworkChoice.launcherAddress(Placement.of(HostFile.localMachine(), 2, false), null));
    assertEquals(LOOPBACK, NetworkChoice.rankAddress("127.0.0.1", null));
    assertEquals(LOOPBACK, NetworkChoice.rankAddress("localhost", ""));
  }

  @Test
  void anInterfaceOrASubnetOverridesTheRule() {
    assertEquals("127.0.0.1", NetworkChoice.interfaceAddress("lo").getHostAddress());
    assertEquals("127.0.0.1", NetworkChoice.interfaceAddress("127.0.0.0/8").getHostAddress());
    assertEquals("127.0.0.1", NetworkChoice.rankAddress("192.0.2.9", "lo").getHostAddress(), "the interface wins over the route");
    Placement remote = Placement.of(HostFile.parse("F", List.of("192.0.2.9")), 1, false);
    assertEquals("127.0.0.1", NetworkChoice.launcherAddress(remote, "lo").getHostAddress());
  }

  @Test
  void unknownInterfacesAndEmptySubnetsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkChoice.interfaceAddress("nosuch0"));
    assertTrue(e.getMessage().startsWith("network interface 'nosuch0' (PARJIT_IFACE/iface) does not exist here; there are [")
        && e.getMessage().contains("lo"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> NetworkChoice.interfaceAddress("198.51.100.0/24"));
    assertTrue(e.getMessage().startsWith("no local address is in 198.51.100.0/24"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NetworkChoice.interfaceAddress("10.0.0.0/99"));
  }

  @Test
  void subnetMembership() {
    byte[] net = {10, (byte) 213, 5, 0};
    assertTrue(NetworkChoice.inSubnet(new byte[] {10, (byte) 213, 5, 11}, net, 24));
    assertFalse(NetworkChoice.inSubnet(new byte[] {10, (byte) 213, 6, 11}, net, 24));
    assertTrue(NetworkChoice.inSubnet(new byte[] {10, (byte) 213, 6, 11}, net, 16));
    assertFalse(NetworkChoice.inSubnet(new byte[16], net, 8), "IPv6 is never in an IPv4 subnet");
  }
}

package dev.parjit.mpi.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Open MPI host files, and how ranks fill their slots. */
class HostFileTest {

  private static List<String> names(Placement p) {
    return p.hosts().stream().map(HostFile.Host::name).toList();
  }

  @Test
  void hostsSlotsCommentsAndRepeats() {
    HostFile f = HostFile.parse("host file F", List.of("# cluster", "a slots=2   # two cores", "", "  b", "a slots=1", "c slots=3"));
    assertEquals(List.of(new HostFile.Host("a", 3), new HostFile.Host("b", 1), new HostFile.Host("c", 3)), f.hosts());
    assertEquals(7, f.totalSlots());
  }

  @Test
  void ranksFillSlotsInOrderFromTheFirstHost() {
    HostFile f = HostFile.parse("host file F", List.of("a slots=2", "b slots=2"));
    assertEquals(List.of("a", "a", "b"), names(Placement.of(f, 3, false)));
    assertEquals(List.of("a", "a", "b", "b"), names(Placement.of(f, 4, false)));
  }

  @Test
  void moreRanksThanSlotsNeedOversubscribe() {
    HostFile f = HostFile.parse("host file F", List.of("a slots=2", "b"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Placement.of(f, 4, false));
    assertEquals("4 ranks asked for but host file F offers 3 slots (a: 2, b: 1); give fewer ranks, more slots, or --oversubscribe",
        e.getMessage());
    assertEquals(List.of("a", "a", "b", "a", "a"), names(Placement.of(f, 5, true)));
  }

  @Test
  void malformedLinesAreNamed() {
    assertEquals("host file F line 2: 'cpus=4' is not slots=N (the format is 'host [slots=N]')",
        assertThrows(IllegalArgumentException.class, () -> HostFile.parse("host file F", List.of("a", "b cpus=4"))).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> HostFile.parse("host file F", List.of("a slots=0")))
        .getMessage().contains("slots must be a positive integer"));
    assertEquals("host file F names no host",
        assertThrows(IllegalArgumentException.class, () -> HostFile.parse("host file F", List.of("# nothing", ""))).getMessage());
  }

  @Test
  void thisMachineIsLocalAndOthersAreNot() {
    assertTrue(HostFile.isLocal("localhost"));
    assertTrue(HostFile.isLocal("127.0.0.1"));
    assertFalse(HostFile.isLocal("192.0.2.7"), "TEST-NET-1 is never an address of this machine");
    assertTrue(Placement.of(HostFile.localMachine(), 2, false).allLocal());
    assertFalse(Placement.of(HostFile.parse("F", List.of("localhost", "192.0.2.7")), 2, false).allLocal());
  }
}

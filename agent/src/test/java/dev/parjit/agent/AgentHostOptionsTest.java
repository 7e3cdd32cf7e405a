package dev.parjit.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.mpi.launch.HostFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent options for where spawn-mode workers run: hostfile, oversubscribe, iface, and the slot bound. */
class AgentHostOptionsTest {

  private static final Map<String, String> NO_ENV = Map.of();

  @Test
  void workersFillTheHostFilesSlotsByDefault(@TempDir Path dir) throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "a slots=2\nb slots=3\n");
    AgentOptions o = AgentOptions.parse("hostfile=" + hosts, NO_ENV);
    assertEquals(5, o.workers());
    assertEquals(List.of("a", "a", "b", "b", "b"), o.workerPlacement().hosts().stream().map(HostFile.Host::name).toList());
    assertEquals(List.of("a", "a", "b"),
        AgentOptions.parse("hostfile=" + hosts + ",workers=3", NO_ENV).workerPlacement().hosts().stream()
            .map(HostFile.Host::name).toList());
  }

  @Test
  void moreWorkersThanSlotsFailAtStartUpInOneLine(@TempDir Path dir) throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "a slots=2\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AgentOptions.parse("hostfile=" + hosts + ",workers=3", NO_ENV));
    assertEquals("parjit: agent option workers=3 is invalid: 3 ranks asked for but host file " + hosts
        + " offers 2 slots (a: 2); give fewer ranks, more slots, or oversubscribe=true", e.getMessage());
    assertEquals(3, AgentOptions.parse("hostfile=" + hosts + ",workers=3,oversubscribe=true", NO_ENV).workers());
    e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse(null, Map.of("PARJIT_WORKERS", "100000")));
    assertTrue(e.getMessage().startsWith("parjit: agent option workers=100000 is invalid: 100000 ranks asked for but this"
        + " machine offers " + HostFile.localSlots() + " slots"), e.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("hostfile=" + dir.resolve("none"), NO_ENV))
        .getMessage().startsWith("parjit: agent option hostfile=" + dir.resolve("none") + " is invalid: cannot read host file"));
  }

  @Test
  void theInterfaceComesFromTheOptionOrTheEnvironment() {
    assertNull(AgentOptions.parse(null, NO_ENV).iface());
    assertEquals("eth1", AgentOptions.parse(null, Map.of("PARJIT_IFACE", "eth1")).iface());
    assertEquals("10.0.0.0/8", AgentOptions.parse("iface=10.0.0.0/8", Map.of("PARJIT_IFACE", "eth1")).iface());
  }
}

package dev.parjit.mpi.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherMainTest {

  @Test
  void javaStyleArguments() {
    LauncherMain.Command c = LauncherMain.parse(new String[] {"--agent", "a.jar", "-np", "4", "-cp", "app",
        "-Dx=1", "-Xmx1g", "demo.Main", "-np", "arg"});
    assertEquals(4, c.ranks());
    assertEquals("a.jar", c.agentJar());
    assertNull(c.agentOptions());
    assertEquals("app", c.userClasspath());
    assertEquals(List.of("-Dx=1", "-Xmx1g"), c.jvmOptions());
    assertEquals("demo.Main", c.mainClass());
    assertEquals(List.of("-np", "arg"), c.args(), "the program's own arguments are left alone");
  }

  @Test
  void badUsage() {
    for (String[] argv : new String[][] {{"Main"}, {"-np", "0", "Main"}, {"-np", "x", "Main"}, {"-np", "2"},
        {"-np"}, {"-np", "2", "-jar", "x.jar"}}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LauncherMain.parse(argv));
      assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
  }

  @Test
  void hostFileAndOversubscribeMakeThePlacement(@TempDir Path dir) throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "# hosts\nlocalhost slots=2\n127.0.0.1\n\n");
    LauncherMain.Command c = LauncherMain.parse(new String[] {"-np", "3", "--hostfile", hosts.toString(), "Main"});
    assertEquals(List.of("localhost", "localhost", "127.0.0.1"),
        c.placement().hosts().stream().map(HostFile.Host::name).toList());
    LauncherMain.Command tooMany = LauncherMain.parse(new String[] {"-np", "4", "--hostfile", hosts.toString(), "Main"});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, tooMany::placement);
    assertTrue(e.getMessage().contains("offers 3 slots") && e.getMessage().contains("--oversubscribe"), e.getMessage());
    LauncherMain.Command over = LauncherMain.parse(new String[] {"-np", "4", "--hostfile", hosts.toString(),
        "--oversubscribe", "Main"});
    assertEquals(4, over.placement().ranks());
    LauncherMain.Command missing = LauncherMain.parse(new String[] {"-np", "1", "--hostfile", dir.resolve("no").toString(), "Main"});
    assertTrue(assertThrows(IllegalArgumentException.class, missing::placement).getMessage().contains("cannot read host file"));
  }

  @Test
  void withoutAHostFileTheMachinesSlotsBoundTheRanks() {
    int slots = HostFile.localSlots();
    assertEquals(slots, LauncherMain.parse(new String[] {"-np", Integer.toString(slots), "Main"}).placement().ranks());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LauncherMain.parse(new String[] {"-np", "100000", "Main"}).placement());
    assertTrue(e.getMessage().startsWith("100000 ranks asked for but this machine offers " + slots), e.getMessage());
  }
}

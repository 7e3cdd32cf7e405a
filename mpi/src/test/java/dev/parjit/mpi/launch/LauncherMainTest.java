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
  void hostFilesNamingOnlyThisMachineAreAccepted(@TempDir Path dir) throws Exception {
    Path local = Files.writeString(dir.resolve("local"), "# hosts\nlocalhost slots=2\n127.0.0.1\n\n");
    LauncherMain.checkHostfile(local);
    Path remote = Files.writeString(dir.resolve("remote"), "localhost\nnode7\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LauncherMain.checkHostfile(remote));
    assertTrue(e.getMessage().contains("node7") && e.getMessage().contains("not supported yet"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LauncherMain.checkHostfile(dir.resolve("missing")));
  }
}

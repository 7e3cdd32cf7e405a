package dev.parjit.agent.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorkerClasspathTest {

  private static final Path AGENT = Path.of("/opt/parjit/parjit-agent.jar");

  @Test
  void theAgentJarComesLastWhereTheJvmWouldAppendIt() {
    assertEquals("a.jar" + File.pathSeparator + "classes" + File.pathSeparator + AGENT,
        WorkerClasspath.of("a.jar" + File.pathSeparator + "classes", AGENT));
  }

  @Test
  void aClassPathNamingTheAgentJarAlreadyIsKept() {
    String cp = AGENT + File.pathSeparator + "a.jar";
    assertEquals(cp, WorkerClasspath.of(cp, AGENT));
    String messy = "/opt/parjit/../parjit/parjit-agent.jar" + File.pathSeparator + "a.jar";
    assertEquals(messy, WorkerClasspath.of(messy, AGENT), "the same file under another spelling");
  }

  @Test
  void anEmptyClassPathIsTheAgentJar() {
    assertEquals(AGENT.toString(), WorkerClasspath.of("", AGENT));
    assertEquals(AGENT.toString(), WorkerClasspath.of(null, AGENT));
  }
}

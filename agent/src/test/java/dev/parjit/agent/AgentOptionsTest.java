package dev.parjit.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

  private static final Map<String, String> NO_ENV = Map.of();

  @Test
  void defaults() {
    AgentOptions o = AgentOptions.parse(null, NO_ENV);
    assertEquals(Runtime.getRuntime().availableProcessors(), o.workers());
    assertEquals(List.of(), o.workerJvm());
    assertFalse(o.spmd());
    assertFalse(o.diagnostics());
    assertNull(o.cacheDir());
    assertNull(o.dumpDir());
    assertEquals("warn", o.logLevel());
    assertFalse(o.strict());
    assertFalse(o.deterministic());
    assertEquals(AgentOptions.Role.DRIVER, o.role());
  }

  @Test
  void everyKey() {
    AgentOptions o = AgentOptions.parse("workers=3,workerJvm=-Xmx8g;-XX:+UseParallelGC,spmd=true,"
        + "jit=a.B#m;c.*#run*,diagnostics=true,cache=/tmp/c,log=INFO,dump=out,strict=true,deterministic=true", NO_ENV);
    assertEquals(3, o.workers());
    assertEquals(List.of("-Xmx8g", "-XX:+UseParallelGC"), o.workerJvm());
    assertTrue(o.spmd());
    assertEquals(AgentOptions.Role.SPMD, o.role());
    assertEquals(List.of("a.B#m", "c.*#run*"), o.jitPatterns());
    assertTrue(o.diagnostics());
    assertEquals(Path.of("/tmp/c"), o.cacheDir());
    assertEquals("info", o.logLevel());
    assertEquals(Path.of("out"), o.dumpDir());
    assertTrue(o.strict());
    assertTrue(o.deterministic());
  }

  @Test
  void deterministicTakesABooleanAndSaysSoInOneLine() {
    assertFalse(AgentOptions.parse("deterministic=false", NO_ENV).deterministic());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AgentOptions.parse("deterministic=sometimes", NO_ENV));
    assertEquals("parjit: agent option deterministic=sometimes is invalid: expected true or false", e.getMessage());
  }

  @Test
  void environmentDefaults() {
    AgentOptions o = AgentOptions.parse("", Map.of("PARJIT_WORKERS", "5", "PARJIT_DISTRIBUTED_DIAGNOSTICS", "1"));
    assertEquals(5, o.workers());
    assertTrue(o.diagnostics());
    assertEquals(2, AgentOptions.parse("workers=2", Map.of("PARJIT_WORKERS", "5")).workers(), "the option wins");
  }

  @Test
  void workerRole() {
    assertEquals(AgentOptions.Role.WORKER, AgentOptions.parse("role=worker", NO_ENV).role());
  }

  @Test
  void unknownKeyIsOneLineNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AgentOptions.parse("workers=2,wrokers=3", NO_ENV));
    assertTrue(e.getMessage().contains("'wrokers'"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void badValuesNameKeyAndValue() {
    for (String bad : List.of("workers=0", "workers=two", "spmd=maybe", "log=loud", "dump=", "role=boss", "strict=2")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse(bad, NO_ENV), bad);
      assertTrue(e.getMessage().startsWith("parjit: agent option " + bad.substring(0, bad.indexOf('='))), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
    }
    assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("workers", NO_ENV));
    assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("workers=1,workers=2", NO_ENV));
    assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("", Map.of("PARJIT_WORKERS", "-1")));
  }
}

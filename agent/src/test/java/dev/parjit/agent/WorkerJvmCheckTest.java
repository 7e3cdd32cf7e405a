package dev.parjit.agent;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerJvmCheckTest {

  @Test
  void aRejectedOptionFailsWithOneLineNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WorkerJvmCheck.check(List.of("-XX:+UseParallelGC", "-Xbogus")));
    assertTrue(e.getMessage().contains("-Xbogus"), e.getMessage());
    assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
  }

  @Test
  void acceptedOptionsPass() {
    WorkerJvmCheck.check(List.of("-Xmx64m", "-XX:+UseSerialGC"));
    WorkerJvmCheck.check(List.of());
  }
}

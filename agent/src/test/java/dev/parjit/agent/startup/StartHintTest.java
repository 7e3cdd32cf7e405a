package dev.parjit.agent.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartHintTest {

  @Test
  void aRecordedClassIsWhatTheNextRunOfTheSameProgramReads(@TempDir Path dir) throws Exception {
    Path jar = Files.write(dir.resolve("app.jar"), new byte[] {1, 2, 3});
    String cp = jar + File.pathSeparator + dir.resolve("classes");
    assertEquals(List.of(), StartHint.of(dir, "app.Main x", cp).classes(), "no hint before a run recorded one");
    StartHint first = StartHint.of(dir, "app.Main x", cp);
    first.record("app.Kernels");
    first.record("app.Kernels"); // repeats are ignored
    first.record("app.More$Inner");
    assertEquals(List.of("app.Kernels", "app.More$Inner"), StartHint.of(dir, "app.Main x", cp).classes());
    assertEquals(List.of(), StartHint.of(dir, "app.Main y", cp).classes(), "other arguments: another program");
    assertEquals(List.of(), StartHint.of(dir, "app.Main x", jar.toString()).classes(), "another class path");
    assertTrue(dir.toFile().list((d, n) -> n.endsWith(".tmp")).length == 0, "no temporary file left");
  }

  @Test
  void aRebuiltJarNamesAnotherHint(@TempDir Path dir) throws Exception {
    Path jar = Files.write(dir.resolve("app.jar"), new byte[] {1, 2, 3});
    String before = StartHint.key("app.Main", jar.toString());
    assertEquals(before, StartHint.key("app.Main", jar.toString()));
    Files.write(jar, new byte[] {1, 2, 3, 4});
    assertNotEquals(before, StartHint.key("app.Main", jar.toString()));
  }

  /** A damaged hint file yields only the class names in it: its lines become class loads on the workers. */
  @Test
  void aCorruptHintYieldsOnlyClassNames(@TempDir Path dir) throws Exception {
    StartHint.of(dir, "app.Main", "").record("app.Kernels");
    Path file;
    try (var files = Files.list(dir)) {
      file = files.filter(f -> f.toString().endsWith(".classes")).findFirst().orElseThrow();
    }
    byte[] garbage = new byte[4096];
    new java.util.Random(9).nextBytes(garbage);
    Files.write(file, garbage);
    assertTrue(StartHint.of(dir, "app.Main", "").classes().stream().allMatch(StartHint::isClassName));
    Files.write(file, List.of("app.Ok", "-XX:+Crash", "a b", "../etc/passwd", "", "x.y.Z$1"), StandardCharsets.UTF_8);
    assertEquals(List.of("app.Ok", "x.y.Z$1"), StartHint.of(dir, "app.Main", "").classes());
  }

  @Test
  void classNames() {
    assertTrue(StartHint.isClassName("a.b.C"));
    assertTrue(StartHint.isClassName("C$1"));
    assertFalse(StartHint.isClassName("a..b"));
    assertFalse(StartHint.isClassName("a,b"));
    assertFalse(StartHint.isClassName("1a"));
    assertFalse(StartHint.isClassName(""));
  }
}

package dev.parjit.agent.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.transforms.RewriteRequest;
import dev.parjit.transforms.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/parjit cache list|clear}. */
class CacheToolTest {

  @TempDir
  Path dir;

  private record Run(int status, String out, String err) { }

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = CacheTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void listsThenClears() throws Exception {
    for (Role role : List.of(Role.DRIVER, Role.WORKER)) {
      CompileCache.create(role, dir).compile(TestClasses.name(CacheFixture.class), TestClasses.bytes(CacheFixture.class),
          new RewriteRequest(role, List.of(), TestClasses.LOOKUP, null, false), false);
    }
    Files.writeString(dir.resolve("0000.pjc"), "junk");
    Run list = run("list", dir.toString());
    assertEquals(0, list.status(), list.err());
    assertTrue(list.out().contains(": 3 entries,"), list.out());
    assertTrue(list.out().lines().anyMatch(l -> l.contains(" driver ") && l.endsWith(CacheFixture.class.getName())),
        list.out());
    assertTrue(list.out().lines().anyMatch(l -> l.contains(" worker ") && l.endsWith(CacheFixture.class.getName())),
        list.out());
    assertTrue(list.out().contains("unusable 0000.pjc: not a Parjit cache file"), list.out());
    Run clear = run("clear", dir.toString());
    assertEquals("deleted 3 files from " + dir.toAbsolutePath() + "\n", clear.out());
    assertTrue(run("list", dir.toString()).out().contains(": 0 entries, 0 B"));
  }

  @Test
  void helpAndUsageErrors() {
    Run help = run("--help");
    assertEquals(0, help.status());
    assertTrue(help.out().startsWith("Usage: bin/parjit cache list [DIR]"), help.out());
    assertEquals(2, run().status());
    assertEquals(2, run("purge").status());
    assertEquals(2, run("list", "a", "b").status());
  }

  @Test
  void formatsSizesAndAges() {
    assertEquals("512 B", CacheTool.size(512));
    assertEquals("1.5 KB", CacheTool.size(1536));
    assertEquals("59s", CacheTool.age(59_999));
    assertEquals("2m", CacheTool.age(120_000));
    assertEquals("3h", CacheTool.age(3 * 3_600_000L));
    assertEquals("4d", CacheTool.age(4 * 86_400_000L));
  }
}

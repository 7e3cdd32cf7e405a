package dev.parjit.agent.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.transforms.RewriteRequest;
import dev.parjit.transforms.Role;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache in front of the compiler: hits skip analysis, anything doubtful is recompiled. */
class CompileCacheTest {

  private static final String NAME = TestClasses.name(CacheFixture.class);
  private static final byte[] BYTES = TestClasses.bytes(CacheFixture.class);

  @TempDir
  Path dir;

  private static RewriteRequest request(Role role, Function<String, byte[]> lookup) {
    return new RewriteRequest(role, List.of(), lookup, null, false);
  }

  private static CacheStats delta(CacheStats before) {
    CacheStats now = CompileCache.stats();
    return new CacheStats(now.analyses() - before.analyses(), now.hits() - before.hits(),
        now.misses() - before.misses(), now.stores() - before.stores(), now.rejected() - before.rejected());
  }

  @Test
  void aDirectoryOthersCanWriteIsRefused() throws Exception {
    Path shared = java.nio.file.Files.createDirectory(dir.resolve("shared"));
    java.nio.file.Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    org.junit.jupiter.api.Assertions.assertFalse(CompileCache.create(Role.DRIVER, shared).appliesTo(BYTES),
        "a world-writable cache could hand this program planted classes");
    java.nio.file.Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    org.junit.jupiter.api.Assertions.assertTrue(CompileCache.create(Role.DRIVER, shared).appliesTo(BYTES));
  }

  @Test
  void secondCompilationIsAHitWithoutAnalysis() {
    for (Role role : Role.values()) {
      CompileCache cache = CompileCache.create(role, dir);
      CacheStats before = CompileCache.stats();
      CompiledClass cold = cache.compile(NAME, BYTES, request(role, TestClasses.LOOKUP), false);
      assertEquals(new CacheStats(1, 0, 1, 1, 0), delta(before), role.name());
      before = CompileCache.stats();
      CompiledClass warm = CompileCache.create(role, dir).compile(NAME, BYTES, request(role, TestClasses.LOOKUP), false);
      assertEquals(new CacheStats(0, 1, 0, 0, 0), delta(before), role.name());
      assertArrayEquals(cold.bytes(), warm.bytes());
      assertEquals(cold.methods(), warm.methods());
      assertEquals(cold.failures(), warm.failures());
      assertEquals(cold.stubs().size(), warm.stubs().size());
      assertEquals(cold.workerSignatures().size(), warm.workerSignatures().size());
    }
  }

  @Test
  void whatTheAgentNeedsIsKeptPerRole() {
    CompiledClass driver = CompileCache.create(Role.DRIVER, dir).compile(NAME, BYTES,
        request(Role.DRIVER, TestClasses.LOOKUP), false);
    assertEquals(2, driver.stubs().size());
    assertEquals(2, driver.methods().size());
    assertTrue(driver.methods().get(0).diagnostics().startsWith("Distributed diagnostics for function"),
        driver.methods().get(0).diagnostics());
    CompiledClass worker = CompileCache.create(Role.WORKER, dir).compile(NAME, BYTES,
        request(Role.WORKER, TestClasses.LOOKUP), false);
    assertNotNull(worker.bytes());
    assertEquals(2, worker.workerSignatures().size());
    assertEquals(List.of(), worker.methods(), "workers never print diagnostics");
  }

  @Test
  void corruptEntryIsDetectedRecompiledAndReplaced() throws Exception {
    CompileCache cache = CompileCache.create(Role.SPMD, dir);
    CompiledClass cold = cache.compile(NAME, BYTES, request(Role.SPMD, TestClasses.LOOKUP), false);
    Path file = onlyEntry();
    byte[] data = Files.readAllBytes(file);
    data[data.length / 2] ^= 0x55;
    Files.write(file, data);
    CacheStats before = CompileCache.stats();
    CompiledClass again = cache.compile(NAME, BYTES, request(Role.SPMD, TestClasses.LOOKUP), false);
    assertEquals(new CacheStats(1, 0, 1, 1, 1), delta(before));
    assertArrayEquals(cold.bytes(), again.bytes());
    assertInstanceOf(CacheStore.Found.class, new CacheStore(dir).load(fileKey(file)), "the file was replaced");
    before = CompileCache.stats();
    cache.compile(NAME, BYTES, request(Role.SPMD, TestClasses.LOOKUP), false);
    assertEquals(new CacheStats(0, 1, 0, 0, 0), delta(before));
  }

  @Test
  void entryOfAnotherFormatVersionIsIgnored() throws Exception {
    CompileCache cache = CompileCache.create(Role.SPMD, dir);
    cache.compile(NAME, BYTES, request(Role.SPMD, TestClasses.LOOKUP), false);
    Path file = onlyEntry();
    byte[] data = Files.readAllBytes(file);
    ByteBuffer.wrap(data).putInt(8, EntryCodec.FORMAT_VERSION + 7);
    Files.write(file, data);
    CacheStats before = CompileCache.stats();
    cache.compile(NAME, BYTES, request(Role.SPMD, TestClasses.LOOKUP), false);
    assertEquals(new CacheStats(1, 0, 1, 1, 1), delta(before));
  }

  @Test
  void changedClassTheFramesDependOnMakesTheEntryStale() throws Exception {
    CompileCache cache = CompileCache.create(Role.WORKER, dir);
    cache.compile(NAME, BYTES, request(Role.WORKER, TestClasses.LOOKUP), false);
    // Record a dependency on this test class as it is now, as if frames had been computed with it.
    Path file = onlyEntry();
    CacheEntry e = EntryCodec.decode(Files.readAllBytes(file));
    String self = TestClasses.name(CompileCacheTest.class);
    Files.write(file, EntryCodec.encode(new CacheEntry(e.key(), e.className(), e.role(), e.compiler(),
        e.specialization(), e.createdMillis(), e.sourceRoots(),
        java.util.Map.of(self, CacheKey.digest(TestClasses.bytes(CompileCacheTest.class))), e.compiled())));
    CacheStats before = CompileCache.stats();
    cache.compile(NAME, BYTES, request(Role.WORKER, TestClasses.LOOKUP), false);
    assertEquals(new CacheStats(0, 1, 0, 0, 0), delta(before), "unchanged dependency: a hit");
    Files.write(file, EntryCodec.encode(new CacheEntry(e.key(), e.className(), e.role(), e.compiler(),
        e.specialization(), e.createdMillis(), e.sourceRoots(), java.util.Map.of(self, "00"), e.compiled())));
    before = CompileCache.stats();
    cache.compile(NAME, BYTES, request(Role.WORKER, TestClasses.LOOKUP), false);
    assertEquals(new CacheStats(1, 0, 1, 1, 1), delta(before), "changed dependency: recompiled");
  }

  @Test
  void diagnosticsRenderedWithAnotherSourcePathAreRenderedAgainWhenPrinted() {
    CompileCache cache = CompileCache.create(Role.DRIVER, dir);
    cache.compile(NAME, BYTES, request(Role.DRIVER, TestClasses.LOOKUP), true);
    String old = System.getProperty("parjit.sourcepath");
    try {
      System.setProperty("parjit.sourcepath", dir.toString());
      CacheStats before = CompileCache.stats();
      cache.compile(NAME, BYTES, request(Role.DRIVER, TestClasses.LOOKUP), false);
      assertEquals(1, delta(before).hits(), "text not printed: the entry serves");
      before = CompileCache.stats();
      cache.compile(NAME, BYTES, request(Role.DRIVER, TestClasses.LOOKUP), true);
      assertEquals(1, delta(before).analyses());
    } finally {
      if (old == null) {
        System.clearProperty("parjit.sourcepath");
      } else {
        System.setProperty("parjit.sourcepath", old);
      }
    }
  }

  @Test
  void keyChangesWithEveryInput() {
    CacheKey base = new CacheKey("p/C", new byte[] {1, 2}, "v", "DRIVER", List.of(), false, "default");
    List<CacheKey> variants = List.of(
        new CacheKey("p/D", new byte[] {1, 2}, "v", "DRIVER", List.of(), false, "default"),
        new CacheKey("p/C", new byte[] {1, 3}, "v", "DRIVER", List.of(), false, "default"),
        new CacheKey("p/C", new byte[] {1, 2}, "w", "DRIVER", List.of(), false, "default"),
        new CacheKey("p/C", new byte[] {1, 2}, "v", "WORKER", List.of(), false, "default"),
        new CacheKey("p/C", new byte[] {1, 2}, "v", "DRIVER", List.of("a.B#c"), false, "default"),
        new CacheKey("p/C", new byte[] {1, 2}, "v", "DRIVER", List.of(), true, "default"),
        new CacheKey("p/C", new byte[] {1, 2}, "v", "DRIVER", List.of(), false, "x:1D_Block"));
    assertEquals(64, base.hex().length());
    assertEquals(base.hex(), new CacheKey("p/C", new byte[] {1, 2}, "v", "DRIVER", List.of(), false, "default").hex());
    variants.forEach(v -> assertNotEquals(base.hex(), v.hex(), v.toString()));
  }

  @Test
  void onlyOptedInClassesUseTheDefaultCache() {
    CompileCache optIn = CompileCache.create(Role.DRIVER, null);
    assertTrue(optIn.appliesTo(BYTES));
    assertFalse(optIn.appliesTo(TestClasses.bytes(CacheFixture.NotOptedIn.class)));
    assertTrue(CompileCache.create(Role.DRIVER, dir).appliesTo(TestClasses.bytes(CacheFixture.NotOptedIn.class)));
  }

  @Test
  void defaultDirectoryHonoursTheSystemProperty() {
    String old = System.getProperty("parjit.cacheDir");
    try {
      System.setProperty("parjit.cacheDir", dir.toString());
      assertEquals(dir.toAbsolutePath(), CompileCache.defaultDirectory());
      System.clearProperty("parjit.cacheDir");
      assertEquals(Path.of(System.getProperty("user.home"), ".cache", "parjit"), CompileCache.defaultDirectory());
    } finally {
      if (old != null) {
        System.setProperty("parjit.cacheDir", old);
      }
    }
  }

  private Path onlyEntry() throws Exception {
    try (var s = Files.list(dir)) {
      List<Path> files = s.toList();
      assertEquals(1, files.size(), files.toString());
      return files.get(0);
    }
  }

  private static String fileKey(Path file) {
    String n = file.getFileName().toString();
    return n.substring(0, n.length() - CacheStore.SUFFIX.length());
  }
}

package dev.parjit.agent.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entry files: load and store, damage detection, concurrent writers, list and clear. */
class CacheStoreTest {

  @TempDir
  Path dir;

  @Test
  void storeThenLoad() throws Exception {
    CacheStore store = new CacheStore(dir.resolve("a/b"));
    assertInstanceOf(CacheStore.Missing.class, store.load("k"));
    Path file = store.store(EntryCodecTest.sample("k"));
    assertEquals(store.file("k"), file);
    CacheStore.Found found = assertInstanceOf(CacheStore.Found.class, store.load("k"));
    assertEquals("p/C", found.entry().className());
    assertEquals(List.of(file), files(store.dir()), "no temporary file is left behind");
  }

  @Test
  void anEntryUnderAnotherKeysNameIsRejected() throws Exception {
    CacheStore store = new CacheStore(dir);
    Path file = store.store(EntryCodecTest.sample("k"));
    Files.copy(file, store.file("other"));
    assertInstanceOf(CacheStore.Rejected.class, store.load("other"));
  }

  @Test
  void corruptAndTruncatedFilesAreRejected() throws Exception {
    CacheStore store = new CacheStore(dir);
    Path file = store.store(EntryCodecTest.sample("k"));
    byte[] good = Files.readAllBytes(file);
    byte[] flipped = good.clone();
    flipped[flipped.length - 5] ^= 1;
    Files.write(file, flipped);
    CacheStore.Rejected r = assertInstanceOf(CacheStore.Rejected.class, store.load("k"));
    assertTrue(r.reason().contains("checksum"), r.reason());
    Files.write(file, java.util.Arrays.copyOf(good, good.length - 10));
    r = assertInstanceOf(CacheStore.Rejected.class, store.load("k"));
    assertTrue(r.reason().contains("truncated"), r.reason());
  }

  /**
   * Writers race on one key (as ranks of one job do) while readers keep loading it: a reader
   * sees no file or a whole one, never a part, and no temporary file survives.
   */
  @Test
  void concurrentWritersAndReaders() throws Exception {
    CacheStore store = new CacheStore(dir);
    int writers = 8;
    int rounds = 40;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    List<Future<?>> jobs = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int id = w;
      jobs.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < rounds; i++) {
          CacheEntry e = EntryCodecTest.sample("k");
          store.store(new CacheEntry("k", e.className(), e.role(), "writer " + id, e.specialization(), i,
              e.sourceRoots(), Map.of(), e.compiled()));
        }
        return null;
      }));
    }
    List<Future<?>> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      readers.add(pool.submit(() -> {
        start.await();
        while (writing.get()) {
          if (store.load("k") instanceof CacheStore.Rejected rejected) {
            problems.add(rejected.reason());
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : jobs) {
      f.get(60, TimeUnit.SECONDS);
    }
    writing.set(false);
    for (Future<?> f : readers) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(List.of(), List.copyOf(problems));
    assertInstanceOf(CacheStore.Found.class, store.load("k"));
    assertEquals(List.of(store.file("k")), files(dir));
  }

  @Test
  void listShowsEntriesAndDamagedFilesAndClearDeletesOnlyCacheFiles() throws Exception {
    CacheStore store = new CacheStore(dir);
    store.store(EntryCodecTest.sample("k1"));
    Files.writeString(store.file("k2"), "garbage");
    Files.writeString(dir.resolve(".k3.123.tmp"), "left over by a killed writer");
    Files.writeString(dir.resolve("notes.txt"), "not ours");
    List<CacheStore.Listed> listed = store.list();
    assertEquals(2, listed.size());
    assertEquals(1, listed.stream().filter(l -> l.entry() != null).count());
    assertEquals(3, store.clear());
    assertEquals(List.of(dir.resolve("notes.txt")), files(dir));
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}

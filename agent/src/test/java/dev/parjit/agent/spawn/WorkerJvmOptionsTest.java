package dev.parjit.agent.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The GC thread default that spawned workers start with. */
class WorkerJvmOptionsTest {

  @Test
  void workersShareTheProcessorsForGc() {
    assertEquals("-XX:ParallelGCThreads=1", SpawnDispatcher.gcThreadsOption(2, 2));
    assertEquals("-XX:ParallelGCThreads=4", SpawnDispatcher.gcThreadsOption(8, 2));
    assertEquals("-XX:ParallelGCThreads=2", SpawnDispatcher.gcThreadsOption(8, 3));
  }

  @Test
  void neverFewerThanOneThread() {
    assertEquals("-XX:ParallelGCThreads=1", SpawnDispatcher.gcThreadsOption(2, 4));
    assertEquals("-XX:ParallelGCThreads=1", SpawnDispatcher.gcThreadsOption(1, 0));
  }
}

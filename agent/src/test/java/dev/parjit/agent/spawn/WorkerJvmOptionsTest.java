package dev.parjit.agent.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The GC thread and compile threshold defaults that spawned workers start with. */
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

  @Test
  void dataPathCompilesAfterTheWorkersShareOfTheCounts() {
    List<String> two = WorkerCompileThresholds.options(2);
    assertEquals("-XX:CompileCommand=quiet", two.get(0));
    assertTrue(two.contains("-XX:CompileCommand=CompileThresholdScaling,dev/parjit/frame/*.*,0.500"), two.toString());
    assertTrue(two.contains("-XX:CompileCommand=CompileThresholdScaling,org/apache/parquet/*.*,0.500"), two.toString());
    assertEquals(1 + WorkerCompileThresholds.DATA_PATH.size(), two.size());
    assertTrue(WorkerCompileThresholds.options(3).contains(
        "-XX:CompileCommand=CompileThresholdScaling,org/apache/arrow/*.*,0.333"));
  }

  @Test
  void oneWorkerKeepsTheDefaultsAndManyStopAtAQuarter() {
    assertEquals(List.of(), WorkerCompileThresholds.options(1));
    assertEquals(List.of(), WorkerCompileThresholds.options(0));
    assertEquals(0.25, WorkerCompileThresholds.scale(16));
  }
}

package dev.parjit.agent.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parjit.mpi.launch.HostFile;
import dev.parjit.mpi.launch.Placement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Comparisons are deferred while the workers run only when the driver has a processor no local worker
 * uses (unless forced either way), and each is cut over the processors that are free when it runs.
 */
class ResidentCheckPlanTest {

  @Test
  void localWorkersOnEveryProcessorMeanComparingBeforeSendingOnEveryProcessor() {
    assertEquals(new ResidentCheckPlan(false, 2, 1), ResidentCheckPlan.of(null, 2, 2));
    assertEquals(new ResidentCheckPlan(false, 2, 1), ResidentCheckPlan.of("auto", 2, 3));
    assertEquals(new ResidentCheckPlan(false, 4, 1), ResidentCheckPlan.of(null, 8, 8));
  }

  @Test
  void aFreeProcessorTakesTheDeferredComparison() {
    assertEquals(new ResidentCheckPlan(true, 2, 1), ResidentCheckPlan.of(null, 2, 1));
    assertEquals(new ResidentCheckPlan(true, 4, 2), ResidentCheckPlan.of(null, 8, 6));
    assertEquals(new ResidentCheckPlan(true, 4, 4), ResidentCheckPlan.of(null, 16, 2));
    assertEquals(new ResidentCheckPlan(true, 1, 1), ResidentCheckPlan.of(null, 1, 0));
  }

  @Test
  void theSettingForcesEitherWay() {
    assertEquals(new ResidentCheckPlan(true, 2, 1), ResidentCheckPlan.of("true", 2, 2));
    assertEquals(new ResidentCheckPlan(false, 4, 4), ResidentCheckPlan.of("FALSE", 16, 2));
    assertEquals(new ResidentCheckPlan(false, 2, 1), ResidentCheckPlan.of("sometimes", 2, 2));
  }

  @Test
  void onlyWorkersOnThisMachineTakeTheDriversProcessors() {
    HostFile.Host here = new HostFile.Host("localhost", 2);
    HostFile.Host there = new HostFile.Host("192.0.2.1", 2); // TEST-NET-1: never this machine
    Placement remote = new Placement(new HostFile("test", List.of(there)), List.of(there, there));
    Placement mixed = new Placement(new HostFile("test", List.of(here, there)), List.of(here, there));
    assertEquals(new ResidentCheckPlan(true, 2, 2), ResidentCheckPlan.of(null, 2, remote));
    assertEquals(new ResidentCheckPlan(true, 2, 1), ResidentCheckPlan.of(null, 2, mixed));
  }
}

package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.ArrayAccess;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.targets.IndexBoundsTargets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Which accesses of parallel loops the analysis proves inside their arrays ({@link IndexBounds}):
 * those need no index check, the others are checked against the global length before the access.
 */
class IndexBoundsTest {

  private static MethodPlan plan(String name) throws Exception {
    return TargetPlans.plan(IndexBoundsTargets.class, name, ExecutionMode.SPAWN);
  }

  /** The last loop's accesses: array slot to whether each is proven in range (all alike per slot). */
  private static Map<Integer, Boolean> inRange(String name) throws Exception {
    MethodPlan p = plan(name);
    LoopPlan loop = null;
    for (LoopPlan l : p.loops()) {
      if (l.parallel() && !l.accesses().isEmpty()) {
        loop = l;
      }
    }
    assertTrue(loop != null, name + ": a parallel loop with aligned accesses: " + p.loops());
    Map<Integer, Boolean> out = new TreeMap<>();
    for (ArrayAccess a : loop.accesses()) {
      Boolean before = out.put(a.arraySlot(), a.inRange());
      assertTrue(before == null || before == a.inRange(), name + ": one array's accesses differ");
    }
    return out;
  }

  private static void proven(String name) throws Exception {
    Map<Integer, Boolean> r = inRange(name);
    assertFalse(r.containsValue(false), name + " is proven in range: " + r);
  }

  private static void checked(String name) throws Exception {
    Map<Integer, Boolean> r = inRange(name);
    assertFalse(r.containsValue(true), name + " is checked: " + r);
  }

  @Test
  void theUsualLoopsAreProvenAndGetNoCheck() throws Exception {
    proven("overLength");
    proven("overAllocationSize");
    proven("throughLocal");
    proven("otherParameter");
    proven("swappedBuffers");
    proven("down");
    proven("flatRows");
    proven("inclusiveMinusOne");
  }

  @Test
  void loopsThatMayLeaveTheirArraysAreChecked() throws Exception {
    checked("inclusive");
    checked("fromParameter");
    checked("otherSize");
    checked("downFromLength");
    checked("downPastZero");
    checked("flatRowsInclusive");
    checked("sizeAssignedTwice");
  }

  @Test
  void anArrayThatMayBeNullProvesItselfButNotTheOthers() throws Exception {
    Map<Integer, Boolean> r = inRange("maybeNull");
    assertEquals(Map.of(2, false, 3, true), r, "b (slot 2) checked, a (slot 3) proven unless null");
  }
}

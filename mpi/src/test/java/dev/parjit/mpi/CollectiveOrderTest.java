package dev.parjit.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.mpi.CollectiveOrder.Kind;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CollectiveOrderTest {

  @Test
  void twoCollectivesOfAKindThatCanOvertakeAreSeparatedByABarrier() {
    AtomicInteger barriers = new AtomicInteger();
    CollectiveOrder order = new CollectiveOrder(barriers::incrementAndGet);
    order.enter(Kind.ALLGATHER);
    order.enter(Kind.ALLGATHER);
    assertEquals(1, barriers.get(), "allgather after allgather");
    order.enter(Kind.ALLGATHERV);
    assertEquals(1, barriers.get(), "different tags do not mix");
    order.enter(Kind.ALLREDUCE);
    order.enter(Kind.ALLREDUCE);
    assertEquals(1, barriers.get(), "allreduce waits for every peer before it answers");
    order.enter(Kind.BCAST);
    assertEquals(2, barriers.get(), "a broadcast after an allreduce's broadcast phase");
    order.enter(Kind.BARRIER);
    order.enter(Kind.BCAST);
    assertEquals(2, barriers.get(), "an explicit barrier already separates them");
  }

  @Test
  void theRules() {
    for (Kind k : Kind.values()) {
      assertFalse(CollectiveOrder.mayOvertake(Kind.BARRIER, k));
      assertFalse(CollectiveOrder.mayOvertake(k, Kind.BARRIER));
    }
    assertTrue(CollectiveOrder.mayOvertake(Kind.BCAST, Kind.BCAST));
    assertTrue(CollectiveOrder.mayOvertake(Kind.ALLTOALLV, Kind.ALLTOALLV));
    assertFalse(CollectiveOrder.mayOvertake(Kind.BCAST, Kind.ALLREDUCE));
    assertFalse(CollectiveOrder.mayOvertake(Kind.GATHERV, Kind.SCATTERV));
  }
}

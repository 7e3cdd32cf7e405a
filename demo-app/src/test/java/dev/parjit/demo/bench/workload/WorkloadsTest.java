package dev.parjit.demo.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadsTest {

  @Test
  void everyIdMakesTheWorkloadWithThatId() {
    List<Workload> all = Workloads.all();
    assertEquals(Workloads.ids(), all.stream().map(Workload::id).toList(), "the table's ids are the workloads' own");
    for (Workload w : all) {
      assertEquals(w.getClass(), Workloads.byId(w.id()).getClass(), w.id());
    }
  }

  @Test
  void anUnknownIdIsRefusedByName() {
    assertEquals("unknown workload 'nope'",
        assertThrows(IllegalArgumentException.class, () -> Workloads.byId("nope")).getMessage());
  }
}

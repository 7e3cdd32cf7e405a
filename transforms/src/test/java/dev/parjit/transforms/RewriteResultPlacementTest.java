package dev.parjit.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RewriteResult#placementOf}: looked up by method name, never parsed from the pass log. */
class RewriteResultPlacementTest {

  @Test
  void findsTheFirstPlacementOfTheExactMethod() {
    RewriteResult r = new RewriteResult(null, List.of(), List.of("Placement C.fx: workers"), List.of(), List.of(),
        List.of(new MethodPlacement("C.fx", "workers", null), new MethodPlacement("C.f", "driver (it prints)", null),
            new MethodPlacement("C.f", "workers", null)));
    assertEquals("driver (it prints)", r.placementOf("C.f"));
    assertEquals("workers", r.placementOf("C.fx"));
    assertNull(r.placementOf("C"), "a prefix of a name is not the name");
  }
}

package dev.parjit.agent.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parjit.transforms.MethodPlacement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A cached class keeps where its methods run as {@link MethodPlacement}s, so a cache hit logs and
 * warns exactly as a fresh compilation does without reading the pass log's wording.
 */
class PlacementsCodecTest {

  @Test
  void placementsAndTheirWarningsRoundTripInOrder() throws Exception {
    List<MethodPlacement> placements = List.of(new MethodPlacement("C.f", "workers", null),
        new MethodPlacement("C.g", "driver (it prints)", "ParjitWarning: C.g has parallel loops but runs on the driver: "
            + "it prints"));
    CompiledClass c = new CompiledClass(null, List.of(), List.of(), List.of(), List.of("Placement C.f: workers"),
        List.of(), placements);
    CacheEntry e = new CacheEntry("k", "p/C", "DRIVER", "v", "default", 0, "", Map.of(), c);
    assertEquals(placements, EntryCodec.decode(EntryCodec.encode(e)).compiled().placements());
  }
}

package dev.parjit.frame.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.GroupBy;
import dev.parjit.frame.Series;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The frame classes' internal operations are reachable through {@link FrameInternals} only. */
class FrameInternalsTest {

  private static final Set<String> INTERNAL = Set.of("deferred", "remote", "remoteSource", "isLazy", "takeRows",
      "partitionByHash", "columnStats", "finishReduction", "stats", "partials", "combinePartials");

  @Test
  void noInternalOperationIsPublicOnTheFrameClasses() {
    List<String> exposed = new ArrayList<>();
    for (Class<?> c : List.of(DataFrame.class, Series.class, GroupBy.class)) {
      for (Method m : c.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) && INTERNAL.contains(m.getName())) {
          exposed.add(c.getSimpleName() + "." + m.getName());
        }
      }
    }
    assertEquals(List.of(), exposed);
  }

  @Test
  void theFramePackageInstallsTheOnlyImplementation() {
    DataFrame df = DataFrame.of("k", new long[] {3, 1, 2});
    assertEquals(DataFrame.of("k", new long[] {2, 3}), FrameInternals.takeRows(df, new int[] {2, 0}));
    assertThrows(IllegalStateException.class, () -> FrameInternals.install(null));
    assertEquals(DataFrame.of("k", new long[] {2, 3}), FrameInternals.takeRows(df, new int[] {2, 0}));
  }
}

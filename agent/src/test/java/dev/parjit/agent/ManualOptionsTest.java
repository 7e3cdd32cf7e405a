package dev.parjit.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The manual's options table (docs/manual.md, section "Agent options") lists exactly the keys
 * {@link AgentOptions} accepts, in its order, each with the default it applies.
 */
class ManualOptionsTest {

  /** key to default cell, from the table following the section heading. */
  private static Map<String, String> documented() throws Exception {
    // Tests run in the module's directory; the manual is the repository's.
    List<String> lines = Files.readAllLines(Path.of("..", "docs", "manual.md"));
    int at = lines.indexOf("## 3. Agent options");
    if (at < 0) {
      throw new AssertionError("docs/manual.md has no '## 3. Agent options' section");
    }
    Map<String, String> out = new LinkedHashMap<>();
    boolean inTable = false;
    for (String line : lines.subList(at + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (line.startsWith("| key |")) {
        inTable = true;
        continue;
      }
      if (inTable && line.startsWith("| `")) {
        String[] cells = line.split("\\|");
        out.put(cells[1].trim().replace("`", ""), cells[2].trim().replace("`", ""));
      }
    }
    return out;
  }

  @Test
  void everyKeyIsDocumentedInOrderAndNothingElse() throws Exception {
    assertEquals(AgentOptions.userKeys(), List.copyOf(documented().keySet()));
  }

  @Test
  void everyDocumentedDefaultIsTheOneApplied() throws Exception {
    AgentOptions defaults = AgentOptions.parse("", Map.of());
    for (Map.Entry<String, String> e : documented().entrySet()) {
      String key = e.getKey();
      String applied = defaults.value(key);
      if (key.equals("workers")) {
        assertEquals("the number of processors", e.getValue(), key);
        assertEquals(Integer.toString(Runtime.getRuntime().availableProcessors()), applied, key);
      } else {
        assertEquals(applied.isEmpty() ? "none" : applied, e.getValue(), "default of " + key);
      }
    }
  }
}

package dev.parjit.it.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The corpus reads loop distributions out of the diagnostics text as the agent prints it. */
class LoopDiagnosticsTest {

  private static final List<String> PRINTED = List.of(
      "BEGIN Example 3",
      "Distributed diagnostics for function Example.rows (Example.java:12)",
      "",
      "Data distributions:",
      "   a                    1D_Block",
      "",
      "Loop distributions:",
      "   #0 (line 13)         1D_Block",
      "   #1 (line 14)         REP",
      "",
      "Distributed listing for function Example.rows (Example.java:12)",
      "line 13      | #0: 1D_Block",
      "Distributed diagnostics for function Example$Inner.none (Example.java:30)",
      "",
      "Data distributions:",
      "   No distributable data structures to distribute.",
      "",
      "Loop distributions:",
      "   No loops to distribute.",
      "",
      "Distributed diagnostics for function Example.rows (Example.java:12)",
      "Loop distributions:",
      "   #0 (line 13)         REP",
      "");

  @Test
  void eachBlockGivesItsLoopsInOrderAndRepeatsAreKept() {
    Map<String, List<String>> loops = LoopDiagnostics.parse(PRINTED);
    assertEquals(List.of("#0 1D_Block, #1 REP", "#0 REP"), loops.get("Example.rows"));
    assertEquals(List.of(""), loops.get("Example$Inner.none"));
    assertEquals(2, loops.size());
  }

  @Test
  void aLoopReadingThroughHalosIsParsedByItsDistribution() {
    Map<String, List<String>> loops = LoopDiagnostics.parse(List.of(
        "Distributed diagnostics for function J.sweep (J.java:5)",
        "Loop distributions:",
        "   #0 (line 5)          1D_Block (halo: from[i-1..i+1])",
        "   #1 (line 9)          1D_Block (halo: rowptr[i..i+1], val[rowptr[i]..rowptr[i+1]])",
        ""));
    assertEquals(List.of("#0 1D_Block, #1 1D_Block"), loops.get("J.sweep"));
  }

  @Test
  void aLoopSharingRowsIsParsedByItsDistribution() {
    Map<String, List<String>> loops = LoopDiagnostics.parse(List.of(
        "Distributed diagnostics for function F.compute (F.java:5)",
        "Loop distributions:",
        "   #0 (line 6)          1D_Block (rows shared: coefficients[0], coefficients[1])",
        ""));
    assertEquals(List.of("#0 1D_Block"), loops.get("F.compute"));
  }

  @Test
  void aLoopSharingBlocksIsParsedByItsDistribution() {
    Map<String, List<String>> loops = LoopDiagnostics.parse(List.of(
        "Distributed diagnostics for function R.narrow (R.java:5)",
        "Loop distributions:",
        "   #0 (line 6)          1D_Block (blocks shared: f, s, c)",
        "   #1 (line 8)          REP",
        ""));
    assertEquals(List.of("#0 1D_Block, #1 REP"), loops.get("R.narrow"));
  }

  @Test
  void parallelMeansAOneDimensionalDistribution() {
    assertTrue(LoopDiagnostics.anyParallel("#0 REP, #1 1D_Block"));
    assertTrue(LoopDiagnostics.anyParallel("#0 1D_Var"));
    assertFalse(LoopDiagnostics.anyParallel("#0 REP, #1 REP"));
    assertFalse(LoopDiagnostics.anyParallel(""));
  }

  @Test
  void mismatchesNameMissingWrongTwiceAndUnknownKernels() {
    Map<String, List<String>> seen = LoopDiagnostics.parse(PRINTED);
    Map<String, String> table = new java.util.TreeMap<>();
    seen.forEach((k, v) -> table.put(k, v.get(0)));
    List<String> twice = seen.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
    List<String> once = seen.entrySet().stream().filter(e -> e.getValue().size() == 1).map(Map.Entry::getKey).toList();
    assertEquals(twice.stream().map(k -> "  " + k + ": expected its diagnostics once, found 2 times").toList(),
        LoopDiagnostics.mismatches(table, PRINTED), "only the kernel printed twice");
    assertEquals(1, twice.size(), "the fixture prints one kernel twice");
    table.put(once.get(0), "#9 REP");
    table.put("Example.absent", "#0 1D_Block");
    table.remove(twice.get(0)); // unknown to the table now
    List<String> problems = LoopDiagnostics.mismatches(table, PRINTED);
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains(once.get(0) + ": loops expected [#9 REP]")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("Example.absent: expected its diagnostics once, found 0")));
    assertTrue(problems.stream().anyMatch(p -> p.contains("does not know: " + twice.get(0))));
  }
}

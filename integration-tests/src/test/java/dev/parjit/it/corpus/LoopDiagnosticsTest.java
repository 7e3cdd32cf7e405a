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
  void parallelMeansAOneDimensionalDistribution() {
    assertTrue(LoopDiagnostics.anyParallel("#0 REP, #1 1D_Block"));
    assertTrue(LoopDiagnostics.anyParallel("#0 1D_Var"));
    assertFalse(LoopDiagnostics.anyParallel("#0 REP, #1 REP"));
    assertFalse(LoopDiagnostics.anyParallel(""));
  }
}

package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The structured reasons: one rendering, and the fixpoint's split as a property of the rule. */
class DeclineTest {

  @Test
  void rendersTheRuleSentenceThenTheLine() {
    assertEquals("it is accessed outside a parallel loop at line 12",
        new Decline(DeclineRule.OUTSIDE_PARALLEL_LOOP, List.of(), 12).text());
    assertEquals("it is accessed outside a parallel loop",
        new Decline(DeclineRule.OUTSIDE_PARALLEL_LOOP, List.of(), 12).sentence());
    assertEquals("it is nested in a parallel loop", Decline.of(DeclineRule.NESTED_IN_PARALLEL_LOOP).text());
  }

  @Test
  void fillsTheRuleArgumentsInOrder() {
    assertEquals("it reads 'u' at i - 2 through a halo, but counts down at line 7",
        new Decline(DeclineRule.HALO_AGAINST_ORDER, List.of("u", "- 2", "counts down"), 7).text());
    assertEquals("it is an array reduction (sum), combined element-wise after loop #3",
        Decline.of(DeclineRule.ARRAY_REDUCTION, "sum", 3).text());
    // A named rule class's sentence passes through whole, even with a percent sign in it.
    assertEquals("it writes 100% of 'a'", Decline.of(DeclineRule.UNSAFE_BODY, "writes 100% of 'a'").text());
  }

  @Test
  void onlyAccessesThatDependOnTheLoopDecisionsAreLoopDependent() {
    Set<DeclineRule> dependent = EnumSet.noneOf(DeclineRule.class);
    for (DeclineRule r : DeclineRule.values()) {
      if (r.loopDependent()) {
        dependent.add(r);
      }
    }
    // FIXED_ROW_IN_SPMD: a read is a fixed-row read only in a loop found parallel; ROW_LENGTH_IN_SPMD: only
    // outside the loops found parallel
    assertEquals(EnumSet.of(DeclineRule.OUTSIDE_PARALLEL_LOOP, DeclineRule.OTHER_INDEX, DeclineRule.NOT_ROW_PLACED,
        DeclineRule.FIXED_ROW_IN_SPMD, DeclineRule.ROW_LENGTH_IN_SPMD, DeclineRule.TWO_FIXED_ROWS), dependent);
  }
}

package dev.parjit.agent.spawn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResidentInputsTest {

  private static double[] big(double v) {
    double[] a = new double[ResidentInputs.MIN_BYTES / 8];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /** The two blocks two workers send back for {@code a}. */
  private static Object[] halves(double[] a) {
    return new Object[] {java.util.Arrays.copyOfRange(a, 0, a.length / 2), java.util.Arrays.copyOfRange(a, a.length / 2, a.length)};
  }

  @Test
  void onlyLargePrimitiveArraysAreKept() {
    assertTrue(ResidentInputs.eligible(big(1)));
    assertFalse(ResidentInputs.eligible(new double[10]));
    assertFalse(ResidentInputs.eligible(new String[100_000]));
    assertFalse(ResidentInputs.eligible("text"));
  }

  @Test
  void largeMatricesAreKeptAndAChangeInsideARowIsSeen() {
    double[][] m = new double[64][ResidentInputs.MIN_BYTES / 8 / 64];
    assertTrue(ResidentInputs.eligible(m), "64 KB of rows");
    assertFalse(ResidentInputs.eligible(new double[4][4]));
    assertFalse(ResidentInputs.eligible(new String[100][100]));
    ResidentInputs r = new ResidentInputs();
    ResidentInputs.Decision first = r.decide(m);
    assertTrue(r.decide(m).known());
    m[63][0] = 5; // inside a row, between calls
    assertFalse(r.decide(m).known(), "the driver's copy is deep: the change is sent");
    ResidentInputs.Decision kept = r.decide(m);
    assertTrue(kept.known(), "the new contents are kept");
    assertNotEquals(first.id(), kept.id());
  }

  @Test
  void theSameUnchangedArrayIsNamedAndAChangedOneSentAgain() {
    ResidentInputs r = new ResidentInputs();
    double[] a = big(1);
    ResidentInputs.Decision first = r.decide(a);
    assertFalse(first.known());
    ResidentInputs.Decision again = r.decide(a);
    assertTrue(again.known());
    assertEquals(first.id(), again.id());
    a[a.length - 1] = 2; // changed in place between calls: exactly detected
    ResidentInputs.Decision changed = r.decide(a);
    assertFalse(changed.known());
    assertNotEquals(first.id(), changed.id());
    assertArrayEquals(new long[] {first.id()}, r.takeDropped(), "the workers forget the old contents");
    assertTrue(r.decide(big(1)).known() == false, "an equal but different array is a different argument");
    assertEquals(1, r.reused());
  }

  /** Another NaN: a payload the sequential program can tell apart with {@code doubleToRawLongBits}. */
  private static final double OTHER_NAN = Double.longBitsToDouble(0x7ff8_0000_0000_0123L);

  @Test
  void aChangeOfOneElementAnywhereIsSeenBitForBit() {
    double[] a = big(1);
    int[] positions = {0, a.length / 2, a.length - 1};
    // A copy without NaN is compared by the vectorized intrinsic, one with a NaN by the scalar loop.
    double[][] from = {{1, 2}, {0.0, -0.0}, {Double.NaN, OTHER_NAN}, {OTHER_NAN, Double.NaN}, {1, OTHER_NAN},
        {OTHER_NAN, 1}};
    for (int at : positions) {
      for (double[] change : from) {
        ResidentInputs r = new ResidentInputs();
        java.util.Arrays.fill(a, 1);
        a[at] = change[0];
        long id = r.decide(a).id();
        assertTrue(r.decide(a).known(), "unchanged");
        a[at] = change[1]; // between calls
        ResidentInputs.Decision d = r.decide(a);
        assertFalse(d.known(), "element " + at + " changed from " + Double.doubleToRawLongBits(change[0]) + " to "
            + Double.doubleToRawLongBits(change[1]) + ": sent again");
        assertNotEquals(id, d.id());
        assertTrue(r.decide(a).known(), "the new contents are kept");
      }
    }
  }

  @Test
  void nanPayloadsAndSignedZerosAreComparedByTheirBitsInEveryForm() {
    float[] f = new float[ResidentInputs.MIN_BYTES / 4];
    f[f.length - 1] = Float.NaN;
    ResidentInputs r = new ResidentInputs();
    r.decide(f);
    assertTrue(r.decide(f).known());
    f[f.length - 1] = Float.intBitsToFloat(0x7fc0_0001);
    assertFalse(r.decide(f).known(), "a float NaN payload");
    f[0] = -0.0f;
    assertFalse(r.decide(f).known(), "a float -0.0");

    double[][] rows = new double[64][ResidentInputs.MIN_BYTES / 8 / 64];
    rows[5][3] = Double.NaN;
    r.decide(rows);
    assertTrue(r.decide(rows).known());
    rows[5][3] = OTHER_NAN;
    assertFalse(r.decide(rows).known(), "a NaN payload inside a row");

    // Blocks recorded from a write-back, compared range by range.
    double[] y = big(1);
    y[y.length - 1] = Double.NaN;
    long id = r.decide(y, ResidentInputs.Form.BLOCK, true).id();
    r.written(id, y, halves(y), new int[] {0, y.length / 2});
    assertTrue(r.decide(y, ResidentInputs.Form.BLOCK, true).known());
    r.written(id, y, halves(y), new int[] {0, y.length / 2});
    y[y.length - 1] = OTHER_NAN;
    assertFalse(r.decide(y, ResidentInputs.Form.BLOCK, true).known(), "a NaN payload in the last block");
    assertFalse(ResidentInputs.sameContents(new double[] {-0.0}, new double[] {0.0}));
    assertTrue(ResidentInputs.sameContents(new double[] {OTHER_NAN}, new double[] {OTHER_NAN}));
  }

  @Test
  void theLeastRecentlyUsedIsEvictedAndAFailureForgetsAll() {
    ResidentInputs r = new ResidentInputs();
    double[][] arrays = new double[ResidentInputs.MAX_ENTRIES + 1][];
    for (int i = 0; i < arrays.length; i++) {
      arrays[i] = big(i);
      r.decide(arrays[i]);
    }
    assertEquals(1, r.takeDropped().length);
    assertFalse(r.decide(arrays[0]).known(), "the eldest was evicted");
    assertTrue(r.decide(arrays[arrays.length - 1]).known());
    r.takeDropped();
    r.forgetAll();
    assertEquals(ResidentInputs.MAX_ENTRIES, r.takeDropped().length);
    assertFalse(r.decide(arrays[arrays.length - 1]).known());
  }

  @Test
  void aWrittenBlockArrayStaysResidentWithTheContentsWrittenBack() {
    ResidentInputs r = new ResidentInputs();
    double[] y = big(1);
    ResidentInputs.Decision first = r.decide(y, ResidentInputs.Form.BLOCK, true);
    assertEquals(ResidentInputs.Action.SEND, first.action());
    java.util.Arrays.fill(y, 7); // the write-back of the call
    r.written(first.id(), y, halves(y), new int[] {0, y.length / 2});
    ResidentInputs.Decision next = r.decide(y, ResidentInputs.Form.BLOCK, true);
    assertEquals(new ResidentInputs.Decision(first.id(), ResidentInputs.Action.USE), next,
        "the workers' blocks hold what was written back: nothing is sent");
    java.util.Arrays.fill(y, 7);
    r.written(next.id(), y, halves(y), new int[] {0, y.length / 2});
    y[3] = 8; // changed by plain Java between calls
    ResidentInputs.Decision changed = r.decide(y, ResidentInputs.Form.BLOCK, false);
    assertEquals(ResidentInputs.Action.SEND, changed.action());
    assertArrayEquals(new long[] {first.id()}, r.takeDropped());
  }

  @Test
  void withoutTheWriteBackRecordedTheOldContentsDoNotMatch() {
    // A call that failed on the workers is rerun on the driver: the dispatcher forgets everything,
    // and even a missed written() cannot make a changed array look current.
    ResidentInputs r = new ResidentInputs();
    double[] y = big(1);
    r.decide(y, ResidentInputs.Form.BLOCK, true);
    y[0] = 2; // the driver's rerun wrote it
    assertFalse(r.decide(y, ResidentInputs.Form.BLOCK, true).known());
    r.forgetAll();
    assertEquals(2, r.takeDropped().length);
    assertFalse(r.decide(y, ResidentInputs.Form.BLOCK, true).known(), "nothing is reused after a failure");
  }

  @Test
  void theWorkersReshapeWhatTheyKeepInsteadOfTheDriverSending() {
    ResidentInputs r = new ResidentInputs();
    double[] p = big(1);
    long id = r.decide(p, ResidentInputs.Form.BLOCK, true).id(); // written as blocks (xpby)
    r.written(id, p, halves(p), new int[] {0, p.length / 2});
    assertEquals(new ResidentInputs.Decision(id, ResidentInputs.Action.GATHER), r.decide(p),
        "needed whole (the x of a sparse product): gathered among the workers");
    assertEquals(1, r.gathered());
    assertEquals(ResidentInputs.Action.SLICE, r.decide(p, ResidentInputs.Form.BLOCK, false).action(),
        "read as blocks: cut from the whole copy, which stays");
    assertEquals(ResidentInputs.Action.USE, r.decide(p).action(), "still whole");
    ResidentInputs.Decision write = r.decide(p, ResidentInputs.Form.BLOCK, true);
    assertEquals(ResidentInputs.Action.SLICE_AND_KEEP, write.action(), "written as blocks: the whole copy is stale");
    r.written(write.id(), p, halves(p), new int[] {0, p.length / 2});
    assertEquals(ResidentInputs.Action.GATHER, r.decide(p).action());
    assertEquals(id, write.id());
  }

  @Test
  void onlyScatteredOneDimensionalArraysOfGatherableTypesStayWhenWritten() {
    assertTrue(ResidentInputs.keepsWrittenBlocks(big(0)));
    assertTrue(ResidentInputs.keepsWrittenBlocks(new int[ResidentInputs.MIN_BYTES / 4]));
    assertFalse(ResidentInputs.keepsWrittenBlocks(new float[ResidentInputs.MIN_BYTES / 4]), "no float allgather");
    assertFalse(ResidentInputs.keepsWrittenBlocks(new double[64][ResidentInputs.MIN_BYTES / 8 / 64]), "rows");
    assertFalse(ResidentInputs.keepsWrittenBlocks(new double[10]), "small");
    ResidentInputs r = new ResidentInputs();
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> r.decide(big(0), ResidentInputs.Form.WHOLE, true), "written whole: every rank wrote its own copy");
    float[] f = new float[ResidentInputs.MIN_BYTES / 4];
    long id = r.decide(f, ResidentInputs.Form.BLOCK, false).id();
    ResidentInputs.Decision whole = r.decide(f);
    assertEquals(ResidentInputs.Action.SEND, whole.action(), "blocks the workers cannot gather: sent whole");
    assertNotEquals(id, whole.id());
  }

  @Test
  void theSameArrayTwiceInOneCallIsComparedOnce() {
    ResidentInputs r = new ResidentInputs();
    double[] a = big(1);
    ResidentInputs.Decision first = r.decide(a, ResidentInputs.Form.BLOCK, false);
    assertEquals(new ResidentInputs.Decision(first.id(), ResidentInputs.Action.USE), r.again(first),
        "the second argument uses what the first one sent");
    r.decide(a); // kept whole now
    ResidentInputs.Decision slice = r.decide(a, ResidentInputs.Form.BLOCK, false);
    assertEquals(ResidentInputs.Action.SLICE, r.again(slice).action(), "cut again: the workers keep it whole");
  }

  @Test
  void theBlocksWrittenBackAreComparedRangeByRange() {
    double[] a = {1, 2, 3, 4, 5};
    Object[] blocks = {new double[] {1, 2, 3}, new double[] {4, 5}};
    assertTrue(ResidentInputs.sameContents(blocks, new int[] {0, 3}, a));
    assertFalse(ResidentInputs.sameContents(blocks, new int[] {0, 2}, a), "a gap or an overlap never matches");
    assertFalse(ResidentInputs.sameContents(new Object[] {new double[] {1, 2, 3}}, new int[] {0}, a), "shorter");
    assertFalse(ResidentInputs.sameContents(new Object[] {new double[] {1, 2, 3}, new double[] {4, 5, 6}},
        new int[] {0, 3}, a), "longer");
    a[4] = 6;
    assertFalse(ResidentInputs.sameContents(blocks, new int[] {0, 3}, a), "a change in the last block");
    assertFalse(ResidentInputs.sameContents(new Object[] {new long[] {1, 2, 3}, new long[] {4, 5}}, new int[] {0, 3}, a),
        "another type");
  }

  @Test
  void aWrittenArrayMatchesNothingBeforeItsWriteBack() {
    ResidentInputs r = new ResidentInputs();
    double[] y = big(1);
    assertFalse(r.decide(y, ResidentInputs.Form.BLOCK, true).known());
    assertFalse(r.decide(y, ResidentInputs.Form.BLOCK, false).known(),
        "no write-back recorded (the call did not finish): sent again even though the contents look the same");
  }

  private static ResidentInputs.Decision speculate(ResidentInputs r, Object a) {
    r.beginCall();
    return r.decide(a, ResidentInputs.Form.WHOLE, false, true);
  }

  @Test
  void aComparisonIsDeferredOnlyForAnArrayThatMatchedBefore() {
    ResidentInputs r = new ResidentInputs();
    double[] a = big(1);
    assertFalse(speculate(r, a).known(), "first sight: sent");
    assertFalse(r.hasDeferred());
    assertTrue(speculate(r, a).known());
    assertFalse(r.hasDeferred(), "never matched yet: compared before the call");
    long checked = r.checkNanos();
    ResidentInputs.Decision third = speculate(r, a);
    assertTrue(third.known());
    assertTrue(r.hasDeferred(), "matched once: compared while the workers run");
    assertEquals(checked, r.checkNanos(), "nothing compared yet");
    assertTrue(r.verifyDeferred());
    assertFalse(r.hasDeferred());
    assertEquals(2, r.reused());
    assertEquals(0, r.speculationsFailed());
  }

  @Test
  void aChangeFoundAfterDispatchFailsTheCallAndTheResentArrayIsComparedFirstAgain() {
    ResidentInputs r = new ResidentInputs();
    double[] a = big(1);
    speculate(r, a);
    speculate(r, a);
    assertTrue(r.verifyDeferred());
    ResidentInputs.Decision used = speculate(r, a);
    assertTrue(r.verifyDeferred());
    a[a.length / 2] = -0.0; // changed in place between calls
    ResidentInputs.Decision stale = speculate(r, a);
    assertTrue(stale.known(), "sent as the id the workers keep: the comparison is deferred");
    assertEquals(used.id(), stale.id());
    assertFalse(r.verifyDeferred(), "the change is found while the workers run");
    assertEquals(1, r.speculationsFailed());
    assertEquals(2, r.reused(), "the discarded call reused nothing");
    assertArrayEquals(new long[] {used.id()}, r.takeDropped(), "the workers forget what they kept of it");
    ResidentInputs.Decision resent = speculate(r, a);
    assertFalse(resent.known(), "sent again, from the caller's array as it is now");
    assertTrue(speculate(r, a).known());
    assertFalse(r.hasDeferred(), "a new slot is compared before use until it matches once");
  }

  @Test
  void aChangedArrayIsNeverSpeculatedOn() {
    ResidentInputs r = new ResidentInputs();
    double[] a = big(1);
    for (int call = 0; call < 5; call++) {
      a[0] = call; // the caller changes it before every call
      speculate(r, a);
      assertFalse(r.hasDeferred(), "call " + call);
    }
    assertEquals(0, r.speculationsFailed());
  }

  @Test
  void aDiscardedCallForgetsTheArraysItComparedLateAndKeepsTheOthers() {
    ResidentInputs r = new ResidentInputs();
    double[] a = big(1);
    double[] b = big(2);
    double[] c = big(3);
    for (int call = 0; call < 2; call++) { // sent, then matched once each
      r.beginCall();
      r.decide(a, ResidentInputs.Form.WHOLE, false, true);
      r.decide(b, ResidentInputs.Form.WHOLE, false, true);
      r.decide(c, ResidentInputs.Form.WHOLE, false, false);
    }
    r.takeDropped();
    r.beginCall();
    long idA = r.decide(a, ResidentInputs.Form.WHOLE, false, true).id();
    long idB = r.decide(b, ResidentInputs.Form.WHOLE, false, true).id();
    ResidentInputs.Decision kept = r.decide(c, ResidentInputs.Form.WHOLE, false, false);
    b[3] = 7; // the second deferred array changed: the first is compared too, but not trusted alone
    assertFalse(r.verifyDeferred());
    assertArrayEquals(new long[] {idA, idB}, r.takeDropped());
    r.beginCall();
    assertEquals(kept.id(), r.decide(c, ResidentInputs.Form.WHOLE, false, false).id(), "compared before the call: kept");
    assertFalse(r.decide(a, ResidentInputs.Form.WHOLE, false, true).known(), "sent again");
  }
}

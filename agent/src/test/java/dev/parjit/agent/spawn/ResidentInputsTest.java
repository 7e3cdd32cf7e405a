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
}

package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The index check of a parallel loop's access the analysis could not prove inside its array: the
 * global index ({@code local + start}) against the global length, with the JVM's own message.
 */
class IndexCheckTest {

  @Test
  void anIndexInsideTheArrayPassesThroughAsTheLocalIndex() {
    assertEquals(0, ParallelRuntime.checkIndex(0, 3, 5));
    assertEquals(1, ParallelRuntime.checkIndex(1, 3, 5));
    assertEquals(-3, ParallelRuntime.checkIndex(-3, 3, 5), "global 0: inside, though before this chunk");
  }

  @Test
  void anIndexOutsideTheArrayThrowsTheSequentialMessage() {
    ArrayIndexOutOfBoundsException past = assertThrows(ArrayIndexOutOfBoundsException.class,
        () -> ParallelRuntime.checkIndex(2, 3, 5));
    assertEquals("Index 5 out of bounds for length 5", past.getMessage());
    ArrayIndexOutOfBoundsException before = assertThrows(ArrayIndexOutOfBoundsException.class,
        () -> ParallelRuntime.checkIndex(-1, 0, 5));
    assertEquals("Index -1 out of bounds for length 5", before.getMessage());
    ArrayIndexOutOfBoundsException empty = assertThrows(ArrayIndexOutOfBoundsException.class,
        () -> ParallelRuntime.checkIndex(0, 0, 0));
    assertEquals("Index 0 out of bounds for length 0", empty.getMessage());
  }

  @Test
  void aNullArrayIsLeftToItsAccess() {
    assertEquals(-1, ParallelRuntime.checkedLength(null));
    assertEquals(7, ParallelRuntime.checkIndex(7, 0, ParallelRuntime.checkedLength(null)),
        "the access throws NullPointerException, as the JVM checks null before the index");
  }

  @Test
  void theCheckedLengthIsTheGlobalOne() {
    double[] chunk = new double[2];
    DistributedArrays.register(chunk, 5, 3);
    try {
      assertEquals(5, ParallelRuntime.checkedLength(chunk));
      assertEquals(4, ParallelRuntime.checkedLength(new int[4]), "an array that is not split: its own length");
    } finally {
      DistributedArrays.clear();
    }
  }
}

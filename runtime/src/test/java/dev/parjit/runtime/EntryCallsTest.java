package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Single rank: the returned rows are this rank's block, registered as the compiled code does. */
class EntryCallsTest {

  /** A compiled method's return: {@code replicateRows} right before {@code ARETURN}. */
  static Object compiled(Object rows) {
    return ParallelRuntime.replicateRows(rows);
  }

  /** A compiled method calling another: the callee's rows are read whole here. */
  static Object caller(Object rows) {
    return compiled(rows);
  }

  private static MethodHandle spread(String name) throws ReflectiveOperationException {
    MethodHandle h = MethodHandles.lookup().findStatic(EntryCallsTest.class, name,
        MethodType.methodType(Object.class, Object.class));
    return h.asSpreader(Object[].class, 1).asType(MethodType.methodType(Object.class, Object[].class));
  }

  private static double[][] registeredRows() {
    double[][] rows = {{1, 2}, {3, 4}};
    DistributedArrays.register(rows, 2, 0);
    return rows;
  }

  @AfterEach
  void clear() {
    EntryCalls.takeKept();
    DistributedArrays.clear();
  }

  @Test
  void theEntryCallsRowsAreKeptForTheDriverNotGathered() throws Throwable {
    double[][] rows = registeredRows();
    Object out = EntryCalls.invoke(spread("compiled"), new Object[] {rows});
    assertSame(rows, out);
    assertSame(rows, EntryCalls.takeKept());
    assertNull(EntryCalls.takeKept(), "taken once");
  }

  @Test
  void rowsANestedCallReturnsAreGatheredForItsCaller() throws Throwable {
    double[][] rows = registeredRows();
    Object out = EntryCalls.invoke(spread("caller"), new Object[] {rows});
    assertNotSame(rows, out, "gathered (on one rank: a copy of the same rows)");
    assertArrayEquals(rows, (double[][]) out);
    assertNull(EntryCalls.takeKept());
  }

  @Test
  void outsideAnEntryCallRowsAreGathered() {
    double[][] rows = registeredRows();
    assertNotSame(rows, compiled(rows));
    assertNull(EntryCalls.takeKept());
  }
}

package dev.parjit.mpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parjit.Parjit;
import org.junit.jupiter.api.Test;

class SingleRankCommunicatorTest {

  private final Communicator c = new SingleRankCommunicator();

  @Test
  void oneRankEverywhere() {
    assertEquals(0, c.rank());
    assertEquals(1, c.size());
    c.barrier();
    assertEquals(0, Parjit.getRank(), "outside a launch the facade is rank 0");
    assertEquals(1, Parjit.getSize());
    assertEquals(SingleRankCommunicator.class, Communicators.world().getClass());
  }

  @Test
  void reductionsReturnTheOwnValueAndLogicalOnesAreZeroOrOne() {
    assertEquals(2.5, c.allreduce(2.5, ReduceOp.SUM));
    assertEquals(-7L, c.allreduce(-7L, ReduceOp.MIN));
    assertEquals(1, c.allreduce(-4, ReduceOp.LAND));
    assertEquals(0L, c.allreduce(0L, ReduceOp.LOR));
    long[] a = {3, 0};
    c.allreduceInPlace(a, ReduceOp.LOR);
    assertArrayEquals(new long[] {1, 0}, a);
  }

  @Test
  void gathersAndScattersCopy() {
    double[] d = {1, 2};
    double[] g = c.allgatherv(d);
    assertArrayEquals(d, g);
    assertNotSame(d, g);
    assertArrayEquals(new long[] {9}, c.allgather(9));
    assertEquals(0, c.exscanSum(5));
    assertArrayEquals(new int[] {4, 5}, c.scatterv(new int[] {4, 5}, new int[] {2}, 0));
    assertArrayEquals(new byte[] {1}, c.alltoallv(new byte[] {1}, new int[] {1}));
    assertArrayEquals(new byte[] {7}, c.bcast(new byte[] {7}, 0));
  }

  @Test
  void sendToSelfThenReceive() {
    c.send(new byte[] {1, 2}, 0, 3);
    assertArrayEquals(new byte[] {1, 2}, c.recv(0, 3));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.recv(0, 3));
    assertEquals(true, e.getMessage().contains("block forever"));
  }

  @Test
  void badRanksAndCountsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.gatherv(new double[0], 1));
    assertEquals(true, e.getMessage().contains("rank 1"));
    assertThrows(IllegalArgumentException.class, () -> c.scatterv(new long[3], new int[] {2}, 0));
  }
}

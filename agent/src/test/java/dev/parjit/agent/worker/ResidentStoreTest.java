package dev.parjit.agent.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parjit.agent.spawn.Messages;
import dev.parjit.mpi.SingleRankCommunicator;
import org.junit.jupiter.api.Test;

class ResidentStoreTest {

  private static final SingleRankCommunicator ONE = new SingleRankCommunicator();

  @Test
  void aKeptChunkIsTheArrayTheCallWritesSoItStaysCurrent() {
    ResidentStore store = new ResidentStore();
    double[] block = {1, 2, 3};
    Messages.Chunk chunk = new Messages.Chunk(block, 3, 0);
    Object[] first = store.resolve(new Object[] {new Messages.Resident(4, chunk), 2.0}, ONE);
    assertSame(chunk, first[0]);
    block[1] = 20; // the call wrote into its block
    Object[] second = store.resolve(new Object[] {new Messages.ResidentRef(4)}, ONE);
    assertArrayEquals(new double[] {1, 20, 3}, (double[]) ((Messages.Chunk) second[0]).array());
  }

  @Test
  void aBlockIsCutFromAWholeArrayAndKeptOnlyWhenTheCallWritesIt() {
    ResidentStore store = new ResidentStore();
    int[] whole = {0, 1, 2, 3, 4, 5, 6};
    Messages.Chunk rank1 = ResidentStore.blockOf(whole, 3, 1);
    assertArrayEquals(new int[] {3, 4}, (int[]) rank1.array(), "Bodo's blocks of 7 over 3: 3, 2, 2");
    assertEquals(3, rank1.start());
    assertEquals(7, rank1.globalLength());
    store.resolve(new Object[] {new Messages.Resident(1, whole)}, ONE);
    Object[] cut = store.resolve(new Object[] {new Messages.ResidentReshape(1, false, false)}, ONE);
    assertArrayEquals(whole, (int[]) ((Messages.Chunk) cut[0]).array());
    assertSame(whole, store.resolve(new Object[] {new Messages.ResidentRef(1)}, ONE)[0], "still kept whole");
    Object kept = store.resolve(new Object[] {new Messages.ResidentReshape(1, false, true)}, ONE)[0];
    assertSame(kept, store.resolve(new Object[] {new Messages.ResidentRef(1)}, ONE)[0], "the block replaced it");
  }

  @Test
  void aWholeArrayIsGatheredFromTheBlocksAndKeptWhole() {
    ResidentStore store = new ResidentStore();
    long[] block = {5, 6};
    store.resolve(new Object[] {new Messages.Resident(9, new Messages.Chunk(block, 2, 0))}, ONE);
    Object whole = store.resolve(new Object[] {new Messages.ResidentReshape(9, true, true)}, ONE)[0];
    assertArrayEquals(block, (long[]) whole);
    assertSame(whole, store.resolve(new Object[] {new Messages.ResidentRef(9)}, ONE)[0]);
    assertThrows(IllegalStateException.class,
        () -> ResidentStore.wholeOf(new Messages.Chunk(block, 4, 0), ONE), "a gather that does not add up");
    assertThrows(IllegalStateException.class, () -> store.resolve(new Object[] {new Messages.ResidentRef(10)}, ONE));
  }
}

package dev.parjit.agent.spawn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import dev.parjit.frame.dist.FrameCounters;
import dev.parjit.frame.dist.Placements;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Frame arguments the method keeps 1D travel as blocks: each rank receives only its rows. */
class FrameTransportTest {

  private static DataFrame frame(int n) {
    return DataFrame.builder().add("k", LongStream.range(0, n).toArray())
        .add("v", LongStream.range(0, n).mapToDouble(i -> i * 0.5).toArray()).build();
  }

  /** Through serialization with the channel's allow-list, as a worker receives it. */
  private static Object overTheChannel(Object message) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(message);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      in.setObjectInputFilter(Channel.FILTER);
      return in.readObject();
    }
  }

  @Test
  void aDistributedFrameIsCutIntoBlocksThatCoverItOnce() throws Exception {
    DataFrame df = frame(7);
    long[] starts = {0, 3, 5};
    int[] counts = {3, 2, 2};
    long before = FrameCounters.get(FrameCounters.SCATTERED_ROWS);
    for (int r = 0; r < 3; r++) {
      Object wire = overTheChannel(FrameTransport.argument(null, df, true, r, 3));
      Messages.FrameChunk chunk = assertInstanceOf(Messages.FrameChunk.class, wire);
      assertEquals(7, chunk.globalRows());
      assertEquals(starts[r], chunk.start());
      DataFrame block = (DataFrame) FrameTransport.fromChunk(chunk);
      assertEquals(counts[r], block.numRows());
      assertEquals(7, Placements.globalRows(block));
      assertEquals(starts[r], Placements.start(block));
      assertArrayEquals(LongStream.range(starts[r], starts[r] + counts[r]).toArray(), block.column("k").toLongArray());
    }
    assertEquals(before + 7, FrameCounters.get(FrameCounters.SCATTERED_ROWS));
  }

  @Test
  void moreRanksThanRowsGiveEmptyBlocks() throws Exception {
    DataFrame df = frame(2);
    int total = 0;
    for (int r = 0; r < 4; r++) {
      DataFrame block = (DataFrame) FrameTransport.fromChunk(
          (Messages.FrameChunk) overTheChannel(FrameTransport.argument(null, df, true, r, 4)));
      total += block.numRows();
      assertEquals(r < 2 ? 1 : 0, block.numRows());
    }
    assertEquals(2, total);
    DataFrame empty = (DataFrame) FrameTransport.fromChunk(
        (Messages.FrameChunk) overTheChannel(FrameTransport.argument(null, frame(0), true, 1, 2)));
    assertEquals(0, empty.numRows());
    assertEquals(java.util.List.of("k", "v"), empty.columns());
  }

  @Test
  void aSeriesKeepsItsNameAndAReplicatedFrameTravelsWhole() throws Exception {
    Series s = Series.of("speed", new double[] {1, 2, 3, 4, 5});
    Series block = (Series) FrameTransport.fromChunk(
        (Messages.FrameChunk) overTheChannel(FrameTransport.argument(null, s, true, 1, 2)));
    assertEquals("speed", block.name());
    assertArrayEquals(new double[] {4, 5}, block.toDoubleArray());
    assertEquals(3, Placements.start(block));
    Object whole = overTheChannel(FrameTransport.argument(null, frame(5), false, 1, 2));
    assertEquals(5, ((DataFrame) FrameTransport.fromWire(assertInstanceOf(Messages.FrameValue.class, whole))).numRows());
  }
}

package dev.parjit.lazy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.DType;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.internal.FrameInternals;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The driver's side of a lazy result: which requests reach the workers, and which do not. */
class LazyHandleTest {

  /** Workers keeping one frame of {@code rows} rows; records every request. */
  static final class FakeWorkers implements LazyResultSource {
    final DataFrame whole;
    final List<String> requests = new ArrayList<>();
    long generation = 1;

    FakeWorkers(int rows) {
      whole = DataFrame.of("x", LongStream.range(0, rows).toArray());
    }

    @Override
    public long generation() {
      return generation;
    }

    @Override
    public DataFrame fetch(long resultId, long resultGeneration, String part, int k) {
      requests.add("fetch " + resultId + " " + resultGeneration + " " + part + " " + k);
      return switch (part) {
        case "head" -> whole.head(k);
        case "tail" -> whole.tail(k);
        default -> whole;
      };
    }

    @Override
    public void free(long resultId, long resultGeneration) {
      requests.add("free " + resultId + " " + resultGeneration);
    }
  }

  @Test
  void headWithinThePreviewMovesNothingAndEverythingElseAsksForOnlyWhatItNeeds() {
    FakeWorkers workers = new FakeWorkers(20);
    LazyHandle h = new LazyHandle(workers, 7, 1, workers.whole.head(5), 20);
    assertEquals(workers.whole.head(3), h.head(3));
    assertEquals(workers.whole.head(5), h.head(5));
    assertEquals(List.of(), workers.requests);
    assertEquals(workers.whole.head(8), h.head(8));
    assertEquals(workers.whole.tail(4), h.tail(4));
    assertEquals(workers.whole, h.collect());
    h.release();
    assertEquals(List.of("fetch 7 1 head 8", "fetch 7 1 tail 4", "fetch 7 1 all 0", "free 7 1"), workers.requests);
  }

  @Test
  void aHandleIsCurrentOnlyForItsOwnWorkersOfItsGeneration() {
    FakeWorkers workers = new FakeWorkers(3);
    LazyHandle h = new LazyHandle(workers, 1, 1, workers.whole, 3);
    assertEquals(1, h.id());
    assertTrue(h.isCurrent(workers));
    assertFalse(h.isCurrent(new FakeWorkers(3)));
    workers.generation = 2; // the workers restarted: their rows are gone
    assertFalse(h.isCurrent(workers));
  }

  @Test
  void aLazyFrameCollectsOnceAndFreesOnceWhenClosed() {
    FakeWorkers workers = new FakeWorkers(12);
    LazyHandle h = new LazyHandle(workers, 3, 1, workers.whole.head(5), 12);
    DataFrame lazy = FrameInternals.remote(List.of("x"), List.of(DType.INT64), 12, h);
    assertEquals(12, lazy.numRows());
    assertTrue(FrameInternals.isLazy(lazy));
    assertTrue(FrameInternals.remoteSource(lazy) == h);
    assertEquals(workers.whole.head(2), lazy.head(2));
    assertEquals(List.of(), workers.requests);
    assertEquals(workers.whole.column("x").sum(), lazy.column("x").sum());
    assertEquals(workers.whole.column("x").max(), lazy.column("x").max());
    assertFalse(FrameInternals.isLazy(lazy));
    lazy.close();
    lazy.close();
    assertEquals(List.of("fetch 3 1 all 0", "free 3 1"), workers.requests);
  }

  @Test
  void aResultSentWholeAnswersEveryRequestWithoutTheWorkers() {
    FakeWorkers workers = new FakeWorkers(9);
    LazyHandle h = new LazyHandle(workers, 4, 1, workers.whole, 9);
    DataFrame lazy = FrameInternals.remote(List.of("x"), List.of(DType.INT64), 9, h);
    assertEquals(workers.whole.head(7), lazy.head(7));
    assertEquals(workers.whole.tail(6), lazy.tail(6));
    assertEquals(workers.whole.tail(0), lazy.tail(0));
    assertEquals(workers.whole.column("x").sum(), lazy.column("x").sum());
    assertEquals(workers.whole, h.collect());
    lazy.close();
    assertEquals(List.of("free 4 1"), workers.requests);
  }

  @Test
  void anEmptyResultIsWholeWithItsPreview() {
    FakeWorkers workers = new FakeWorkers(0);
    LazyHandle h = new LazyHandle(workers, 5, 1, workers.whole, 0);
    assertEquals(0, h.collect().numRows());
    assertEquals(0, h.tail(0).numRows());
    assertEquals(List.of(), workers.requests);
  }

  @Test
  void aFreedResultIsAClearErrorOnTheWorker() {
    ResultRegistry.put(41, "rows");
    assertEquals("rows", ResultRegistry.remove(41));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ResultRegistry.get(41));
    assertTrue(e.getMessage().contains("#41"), e.getMessage());
  }
}

package dev.parjit.agent.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReplyInboxTest {

  private static Messages.Reply ok(int rank) {
    return new Messages.Reply(7, rank, null, null);
  }

  private static Messages.Reply failed(int rank) {
    return new Messages.Reply(7, rank, null, new Messages.RemoteFailure("java.lang.RuntimeException", "x", new StackTraceElement[0]));
  }

  @Test
  void theTakerWaitsUntilEveryReplyItNeedsIsQueuedThenTakesThemInOrder() throws Exception {
    ReplyInbox inbox = new ReplyInbox();
    Messages.Reply first = ok(0);
    inbox.add(first);
    // One of two replies: not yet (a short time-out answers null, and the reply stays queued).
    assertNull(inbox.take(2, 20));
    Messages.Reply second = ok(1);
    inbox.add(second);
    assertSame(first, inbox.take(2, 1000));
    assertSame(second, inbox.take(1, 1000));
    assertNull(inbox.take(1, 10));
  }

  @Test
  void aFailureOrALostWorkerWakesTheTakerAtOnce() throws Exception {
    ReplyInbox inbox = new ReplyInbox();
    Messages.Reply bad = failed(1);
    inbox.add(bad);
    assertSame(bad, inbox.take(2, 1000));
    Object lost = new Object();
    inbox.add(lost);
    assertSame(lost, inbox.take(5, 1000));
  }

  @Test
  void aWaitingTakerIsWokenByTheLastReplyFromAnotherThread() throws Exception {
    ReplyInbox inbox = new ReplyInbox();
    AtomicReference<Object> taken = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    Thread taker = new Thread(() -> {
      try {
        taken.set(inbox.take(2, 30_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      done.countDown();
    });
    taker.start();
    Messages.Reply first = ok(0);
    inbox.add(first);
    assertEquals(1, done.getCount(), "one reply of two does not complete the wait");
    inbox.add(ok(1));
    assertTrue(done.await(30, java.util.concurrent.TimeUnit.SECONDS));
    assertSame(first, taken.get());
  }

  @Test
  void clearDropsEverythingQueued() throws Exception {
    ReplyInbox inbox = new ReplyInbox();
    inbox.add(ok(0));
    inbox.add(failed(1));
    inbox.clear();
    assertNull(inbox.take(1, 10));
  }
}

package dev.parjit.agent.spawn;

import java.util.ArrayDeque;

/**
 * What the workers' reader threads received, for the calling thread: a queue that wakes its taker
 * only once the messages it waits for are all there. A {@code java.util.concurrent.BlockingQueue} wakes
 * the caller at every reply, so with N workers a call woke it N times to find the call unfinished N - 1
 * times; each wake-up is a hand-off that waits for a processor on a loaded machine (and takes one from
 * the reader still decoding the next reply). Anything else than a reply without failure (a failed reply,
 * a lost worker) wakes it at once.
 */
final class ReplyInbox {

  private final ArrayDeque<Object> messages = new ArrayDeque<>();
  /** Queued replies without failure. */
  private int replies;
  /** Queued messages of any other kind: each wakes the taker. */
  private int alarms;
  /** How many replies the waiting taker needs to find, 0 when none waits. */
  private int wanted;

  /** Queues a message (a reader thread). */
  synchronized void add(Object message) {
    messages.add(message);
    if (quiet(message)) {
      replies++;
    } else {
      alarms++;
    }
    if (wanted > 0 && (alarms > 0 || replies >= wanted)) {
      notifyAll();
    }
  }

  private static boolean quiet(Object message) {
    return message instanceof Messages.Reply r && r.failure() == null;
  }

  /**
   * The oldest message once {@code needed} replies without failure, or any other message, are queued;
   * {@code null} when that did not happen within {@code timeoutMillis}.
   */
  synchronized Object take(int needed, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    try {
      wanted = Math.max(1, needed);
      while (alarms == 0 && replies < wanted) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        wait(Math.max(1, left / 1_000_000L));
      }
    } finally {
      wanted = 0;
    }
    Object m = messages.poll();
    if (quiet(m)) {
      replies--;
    } else {
      alarms--;
    }
    return m;
  }

  synchronized void clear() {
    messages.clear();
    replies = 0;
    alarms = 0;
  }
}

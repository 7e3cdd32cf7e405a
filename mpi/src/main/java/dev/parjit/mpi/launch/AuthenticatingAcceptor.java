package dev.parjit.mpi.launch;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Accepts connections on a server socket and hands on only those that prove the job's secret
 * ({@link JobSecret#verify}). Each handshake runs on its own short-lived thread, so a silent or
 * slow connection delays no other (it is dropped after {@link JobSecret#HANDSHAKE_TIMEOUT_MS});
 * bad ones are closed and counted, and never reach the caller. At most {@value #MAX_PENDING}
 * handshakes run at once: a flood of connections is closed unread beyond that.
 */
public final class AuthenticatingAcceptor implements AutoCloseable {

  static final int MAX_PENDING = 64;

  private final ServerSocket server;
  private final JobSecret secret;
  private final String purpose;
  private final Consumer<Socket> onAuthenticated;
  private final Semaphore pending = new Semaphore(MAX_PENDING);
  private final AtomicInteger rejected = new AtomicInteger();
  private final Thread thread;

  /**
   * Starts accepting on {@code server} at once. {@code onAuthenticated} runs on a handshake
   * thread, with the socket's read time-out still at the handshake's; it owns the socket.
   */
  public AuthenticatingAcceptor(ServerSocket server, JobSecret secret, String purpose, Consumer<Socket> onAuthenticated) {
    this.server = server;
    this.secret = secret;
    this.purpose = purpose;
    this.onAuthenticated = onAuthenticated;
    this.thread = new Thread(this::acceptLoop, "parjit-accept-" + purpose + "-" + server.getLocalPort());
    thread.setDaemon(true);
    thread.start();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (!pending.tryAcquire()) {
        rejected.incrementAndGet();
        closeQuietly(s);
        continue;
      }
      Thread t = new Thread(() -> {
        try {
          if (secret.verify(s, purpose)) {
            onAuthenticated.accept(s);
          } else {
            rejected.incrementAndGet();
            closeQuietly(s);
          }
        } catch (RuntimeException e) {
          rejected.incrementAndGet();
          closeQuietly(s);
        } finally {
          pending.release();
        }
      }, "parjit-handshake-" + purpose);
      t.setDaemon(true);
      t.start();
    }
  }

  /** Connections dropped so far (no proof, a wrong one, too slow, or too many at once). */
  public int rejected() {
    return rejected.get();
  }

  static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  /** Closes the server socket; connections already handed on are the caller's. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}

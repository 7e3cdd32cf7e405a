package dev.parjit.it.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What an outsider can do to a start-up port without the job's secret: garbage bytes, a wrong
 * answer to the challenge, and a connection that stays open and says nothing. Each runs on its
 * own thread; {@link #close} hangs up the silent ones.
 */
final class Attacker implements AutoCloseable {

  private final List<Socket> held = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private int connected;

  /** Attacks {@code address:port} the three ways. */
  synchronized void attack(String address, int port) {
    for (String kind : List.of("garbage", "wrong-secret", "silent")) {
      Thread t = new Thread(() -> hit(kind, address, port), "attack-" + kind + "-" + port);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
  }

  private void hit(String kind, String address, int port) {
    try {
      Socket s = new Socket(InetAddress.getByName(address), port);
      synchronized (this) {
        held.add(s);
        connected++;
      }
      OutputStream out = s.getOutputStream();
      Random random = new Random(port);
      switch (kind) {
        case "garbage" -> {
          byte[] junk = new byte[4096];
          random.nextBytes(junk);
          out.write(junk);
          out.flush();
        }
        case "wrong-secret" -> {
          s.setSoTimeout(3000);
          InputStream in = s.getInputStream();
          in.readNBytes(32); // the challenge
          byte[] proof = new byte[32];
          random.nextBytes(proof);
          out.write(proof);
          out.write("Sending Info".getBytes());
          out.flush();
        }
        default -> { } // silent: say nothing, keep it open
      }
    } catch (IOException e) {
      // hung up on: what should happen
    }
  }

  /** Connections made so far. */
  synchronized int connected() {
    return connected;
  }

  @Override
  public synchronized void close() {
    for (Socket s : held) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }
}

package dev.parjit.mpi.launch;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-job secret that start-up connections prove before anything else is read from them: the
 * rendezvous (ranks joining the niodev job) and the driver's channel (spawn-mode workers).
 *
 * <p>Challenge and response, so the secret itself never travels: the accepting side writes 32
 * random bytes, the connecting side answers {@code HMAC-SHA256(secret, purpose || challenge)}.
 * The purpose string keeps a proof for one port from being replayed to the other. The accepting
 * side waits at most {@link #HANDSHAKE_TIMEOUT_MS} for the answer: a silent connection costs the
 * launch nothing but a thread for that long.
 */
public final class JobSecret {

  /** How long an accepting side waits for a proof; issue 15 asks for silent peers to go in < 1 s. */
  public static final int HANDSHAKE_TIMEOUT_MS = 750;

  /** Fresh connections {@link #connectProving} tries before it gives up. */
  public static final int PROOF_ATTEMPTS = 5;

  /** The accepting side's answer to a proof that checked out. */
  private static final int ACCEPTED = 0x41;

  private static final int CHALLENGE_BYTES = 32;
  private static final int PROOF_BYTES = 32;

  private final byte[] key;

  private JobSecret(byte[] key) {
    this.key = key.clone();
    // Load the JCA classes now, not inside a handshake: in a fresh JVM (with an agent watching
    // class loading) the first Mac can take longer than the accepting side waits.
    mac("warm-up", new byte[CHALLENGE_BYTES]);
  }

  /** A fresh random secret. */
  public static JobSecret generate() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return new JobSecret(k);
  }

  /** The secret from {@link #encoded()}; a clear exception on anything else. */
  public static JobSecret decode(String hex) {
    try {
      byte[] k = HexFormat.of().parseHex(hex.trim());
      if (k.length < 16) {
        throw new IllegalArgumentException("too short");
      }
      return new JobSecret(k);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the job secret is not a hex string of at least 16 bytes", e);
    }
  }

  /** Hex, for the one line that carries it to a rank (stdin, or a private file under Slurm). */
  public String encoded() {
    return HexFormat.of().formatHex(key);
  }

  /**
   * Accepting side: writes a challenge and reads the proof, within {@link #HANDSHAKE_TIMEOUT_MS}.
   * Answers whether the peer knows the secret; the socket's read time-out is left at
   * {@code HANDSHAKE_TIMEOUT_MS} (the caller sets the one it wants next).
   */
  public boolean verify(Socket socket, String purpose) {
    try {
      socket.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
      byte[] challenge = new byte[CHALLENGE_BYTES];
      new SecureRandom().nextBytes(challenge);
      OutputStream out = socket.getOutputStream();
      out.write(challenge);
      out.flush();
      byte[] proof = new byte[PROOF_BYTES];
      long deadline = System.nanoTime() + HANDSHAKE_TIMEOUT_MS * 1_000_000L;
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int got = 0;
      while (got < PROOF_BYTES) {
        // A peer that trickles one byte at a time must not extend the wait past the deadline.
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          return false;
        }
        socket.setSoTimeout((int) left);
        int n = in.read(proof, got, PROOF_BYTES - got);
        if (n < 0) {
          return false;
        }
        got += n;
      }
      if (!MessageDigest.isEqual(proof, mac(purpose, challenge))) {
        return false;
      }
      out.write(ACCEPTED);
      out.flush();
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Connecting side: reads the challenge (waiting up to {@code timeoutMs}), answers it, and waits
   * for the accepting side's word that the proof checked out.
   *
   * @throws ProofRefusedException when the accepting side hung up instead: a wrong secret, or a
   *         proof that came after the accepting side stopped waiting ({@link #connectProving} tries again)
   */
  public void prove(Socket socket, String purpose, int timeoutMs) throws IOException {
    int before = socket.getSoTimeout();
    socket.setSoTimeout(timeoutMs);
    try {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte[] challenge = new byte[CHALLENGE_BYTES];
      try {
        in.readFully(challenge);
      } catch (java.io.EOFException e) {
        // closed unread: an accepting side flooded with connections drops the surplus
        throw new ProofRefusedException(socket.getRemoteSocketAddress() + " closed the connection before its challenge");
      }
      OutputStream out = socket.getOutputStream();
      out.write(mac(purpose, challenge));
      out.flush();
      int answer;
      try {
        answer = in.read();
      } catch (IOException e) {
        answer = -1; // reset: the accepting side closed the connection
      }
      if (answer != ACCEPTED) {
        throw new ProofRefusedException(socket.getRemoteSocketAddress() + " did not accept the proof for " + purpose);
      }
    } finally {
      socket.setSoTimeout(before);
    }
  }

  /** Opens one connection (a fresh socket each time). */
  @FunctionalInterface
  public interface SocketOpener {
    Socket open() throws IOException;
  }

  /**
   * Opens a connection and proves the secret on it; when the accepting side drops the proof (on a
   * loaded machine a rank can be paused past {@link #HANDSHAKE_TIMEOUT_MS}), closes it and tries a
   * fresh connection, up to {@link #PROOF_ATTEMPTS} times. The accepting side keeps its short wait
   * for silent peers; a rank that knows the secret only comes back.
   */
  public Socket connectProving(SocketOpener opener, String purpose, int timeoutMs) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Socket s = opener.open();
      try {
        prove(s, purpose, timeoutMs);
        return s;
      } catch (ProofRefusedException e) {
        s.close();
        if (attempt == PROOF_ATTEMPTS) {
          throw e;
        }
      } catch (IOException | RuntimeException e) {
        s.close();
        throw e;
      }
    }
  }

  private byte[] mac(String purpose, byte[] challenge) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(challenge);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
    }
  }

  @Override
  public String toString() {
    return "JobSecret[hidden]"; // never in logs
  }
}

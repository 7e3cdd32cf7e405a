package dev.parjit.mpi.launch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * What travels on a rank's standard input, both ends. The launcher keeps every rank's stdin open
 * for the rank's whole life: its end of file tells the rank that the launcher died (the rank then
 * halts rather than live on as an orphan). The program's own input travels inside it in frames —
 * a length and that many bytes, length 0 for the end of the input — so the input can end while
 * the pipe stays open. As {@code mpirun} does, rank 0 receives the launcher's standard input and
 * the other ranks an empty one.
 */
public final class RankInput {

  private static final int CHUNK = 8192;

  private RankInput() { }

  /** Launcher side: the rank's program input is empty. */
  static void none(OutputStream toRank) {
    try {
      DataOutputStream out = new DataOutputStream(toRank);
      out.writeInt(0);
      out.flush();
    } catch (IOException e) {
      // the rank is gone already: its exit is reported by the launcher
    }
  }

  /** Launcher side: forwards {@code from} to the rank, in a daemon thread, then ends its input. */
  static void forward(InputStream from, OutputStream toRank, int rank) {
    Thread t = new Thread(() -> {
      DataOutputStream out = new DataOutputStream(toRank);
      byte[] buf = new byte[CHUNK];
      try {
        for (int n; (n = from.read(buf)) != -1; ) {
          if (n > 0) {
            out.writeInt(n);
            out.write(buf, 0, n);
            out.flush();
          }
        }
        out.writeInt(0);
        out.flush();
      } catch (IOException e) {
        // the rank is gone, or our input broke: the rank's exit is reported by the launcher
      }
    }, "parjit-rank-" + rank + "-in");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Rank side, first thing in {@code RankMain}: makes {@code System.in} the program's forwarded
   * input and halts this JVM (status 143) when the launcher's end of the pipe closes.
   */
  static void receive() {
    InputStream pipe = System.in;
    ForwardedInput program = new ForwardedInput();
    System.setIn(program);
    Thread t = new Thread(() -> {
      DataInputStream in = new DataInputStream(pipe);
      boolean ended = false;
      try {
        while (true) {
          int n = in.readInt();
          if (n <= 0) {
            if (!ended) {
              program.end();
              ended = true;
            }
            continue;
          }
          byte[] chunk = in.readNBytes(n);
          if (chunk.length < n) {
            break; // the pipe closed inside a frame
          }
          if (!ended) {
            program.add(chunk);
          }
        }
      } catch (IOException e) {
        // end of file (EOFException) or a broken pipe: the launcher is gone
      }
      Runtime.getRuntime().halt(143);
    }, "parjit-orphan-watchdog");
    t.setDaemon(true);
    t.start();
  }
}

package dev.parjit.mpi;

import dev.parjit.spi.ParallelContext;
import dev.parjit.spi.ParallelContexts;
import dev.parjit.mpi.launch.JobSecret;
import dev.parjit.mpi.niodev.NiodevHooks;
import dev.parjit.mpi.niodev.NiodevPatch;
import java.net.InetAddress;
import mpi.MPI;

/**
 * The process's world communicator: MPJ Express when this JVM is a rank started by the
 * launcher ({@link #initNiodev}), the single-rank communicator otherwise.
 */
public final class Communicators {

  private static final Communicator SINGLE = new SingleRankCommunicator();
  private static volatile Communicator world;

  private Communicators() { }

  /** This process's world communicator (single rank outside a launch). */
  public static Communicator world() {
    Communicator c = world;
    return c != null ? c : SINGLE;
  }

  /**
   * Joins the niodev job: {@code MPI.Init} with the rendezvous server's address, then makes the
   * result the world communicator and the {@code Parjit} facade's context. niodev is adapted first
   * ({@link NiodevPatch}): its ports bind {@code bindAddress} only and its rendezvous connection
   * proves {@code secret}.
   */
  public static synchronized Communicator initNiodev(int rank, int size, String host, int port, JobSecret secret,
      InetAddress bindAddress) {
    if (world != null) {
      throw new IllegalStateException("MPI is already initialised in this process");
    }
    NiodevHooks.configure(bindAddress, secret);
    NiodevPatch.install();
    String conf = "#Number of Processes;" + size + ";#Protocol Switch Limit;131072;#Server Name;" + host
        + ";#Server Port;" + port;
    MPI.Init(new String[] {Integer.toString(rank), conf, "niodev"});
    MpjCommunicator comm = new MpjCommunicator(MPI.COMM_WORLD);
    world = comm;
    ParallelContexts.install(new ParallelContext() {
      @Override public int rank() { return comm.rank(); }
      @Override public int size() { return comm.size(); }
      @Override public void barrier() { comm.barrier(); }
    });
    return comm;
  }

  /** Finalizes MPI if it was initialised; the world is single-rank again. */
  public static synchronized void finish() {
    Communicator c = world;
    if (c != null) {
      world = null;
      ParallelContexts.reset();
      c.close();
    }
  }
}

package dev.parjit.mpi.launch;

import dev.parjit.mpi.Communicators;
import dev.parjit.mpi.ReduceOp;

/** A rank for {@link RemoteShellLaunchTest}: prints its rank, its MPJ_HOME and the allreduce of the ranks, then sleeps {@code args[0]} ms. */
public final class RemoteRankMain {

  private RemoteRankMain() { }

  public static void main(String[] args) throws InterruptedException {
    long sum = Communicators.world().allreduce((long) Communicators.world().rank(), ReduceOp.SUM);
    System.out.println("RANK " + Communicators.world().rank() + " SUM " + sum + " HOME " + System.getenv("MPJ_HOME"));
    System.out.flush();
    Thread.sleep(Long.parseLong(args[0]));
  }
}

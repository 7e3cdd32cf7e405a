package dev.parjit.mpi.bench;

/** Prints the wall-clock time at which this rank's {@code MPI.Init} had completed. */
public final class InitProbe {

  private InitProbe() { }

  public static void main(String[] args) {
    System.out.println("INIT " + System.currentTimeMillis());
  }
}

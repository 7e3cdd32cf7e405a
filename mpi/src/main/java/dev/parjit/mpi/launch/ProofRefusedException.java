package dev.parjit.mpi.launch;

import java.io.IOException;

/** The accepting side hung up on a proof of the job's secret: a wrong secret, or one that came too late. */
public final class ProofRefusedException extends IOException {

  private static final long serialVersionUID = 1L;

  public ProofRefusedException(String message) {
    super(message);
  }
}

package dev.parjit.it.net;

import dev.parjit.Parjit;
import dev.parjit.mpi.niodev.NiodevHooks;
import java.util.Arrays;

/**
 * {@code WhereMain MainClass args...}: prints {@code WHERE rank R address A} (the address this
 * rank's MPI ports listen on), then runs {@code MainClass.main(args)}. For multi-host SPMD tests.
 */
public final class WhereMain {

  private WhereMain() { }

  public static void main(String[] args) throws Exception {
    System.out.println("WHERE rank " + Parjit.getRank() + " address " + NiodevHooks.bindAddress().getHostAddress());
    Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
  }
}

package dev.parjit.it.agent;

import dev.parjit.Parjit;
import dev.parjit.it.effects.programs.ResidentFailure;
import dev.parjit.it.effects.programs.ResidentSolver;
import java.util.List;

/**
 * The effects suite's resident programs at their resident size, then the driver's counters: how
 * many arguments the workers already held, and how many they gathered whole among themselves.
 */
public final class ResidentSolverMain {

  /** The size at which the programs' arrays are large enough to be kept on the workers. */
  static final int N = 100;

  private ResidentSolverMain() { }

  public static void main(String[] args) {
    new ResidentSolver().run(N);
    new ResidentFailure().run(N);
    java.util.Map<String, Long> stats = Parjit.stats();
    for (String key : List.of("residentArgumentsReused", "residentArgumentsGatheredOnWorkers",
        "callsRunOnDriverAfterFailure")) {
      System.out.println("STAT " + key + " " + stats.get(key));
    }
  }
}

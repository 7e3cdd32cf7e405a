package dev.parjit.it.effects;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A list of {@link EffectsProgram}s of one package run over a list of sizes, each run framed by a
 * {@code BEGIN <program> <n>} line and the whole ended by {@link EffectsMain#DONE}: the transcript
 * format {@link Transcript} reads. The effects suite and the corpus suite are two of them.
 *
 * @param packagePrefix the programs' package with a trailing dot
 * @param programs simple class names, in the order they run
 * @param sizes the sizes every program runs at
 */
public record ProgramSuite(String packagePrefix, List<String> programs, int[] sizes) {

  /** The class of a program named in {@link #programs}, loading it. */
  public Class<? extends EffectsProgram> programClass(String name) throws ClassNotFoundException {
    return Class.forName(packagePrefix + name).asSubclass(EffectsProgram.class);
  }

  /**
   * Runs the named programs (all when {@code names} is empty), printing to System.out. Classes are
   * loaded only when their program runs: under {@code -Dparjit.failOnTransformError=true} a class
   * the agent cannot compile ends the JVM, which must not stop the programs before it from being
   * checked.
   */
  public void runAll(List<String> names) {
    for (String name : programs) {
      if (!names.isEmpty() && !names.contains(name)) {
        continue;
      }
      EffectsProgram p = null;
      for (int n : sizes) {
        System.out.println("BEGIN " + name + " " + n);
        try {
          if (p == null) {
            p = programClass(name).getDeclaredConstructor().newInstance();
          }
          p.run(n);
        } catch (Throwable t) {
          // An exception the program did not expect (a wrapper, a wrong type): record it and go on,
          // so one broken program does not hide the others.
          System.out.println("STATE " + name + " " + n + " escaped=" + t.getClass().getName() + ": "
              + String.valueOf(t.getMessage()).replace('\n', ' '));
        }
      }
    }
    System.out.println(EffectsMain.DONE);
  }

  /** The lines {@link #runAll} prints, captured in this process: without the agent, the sequential oracle. */
  public List<String> capture(List<String> names) {
    synchronized (ProgramSuite.class) {
      PrintStream saved = System.out;
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
        System.setOut(out);
        runAll(names);
      } finally {
        System.setOut(saved);
      }
      return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }
  }
}

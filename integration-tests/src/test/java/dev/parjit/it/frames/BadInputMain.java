package dev.parjit.it.frames;

import dev.parjit.Jit;
import dev.parjit.frame.DataFrame;
import java.util.function.Supplier;

/**
 * Bad input in spawn mode: each call fails on every worker; the driver must see one exception
 * naming the file or column, and the workers must stay usable. Argument: a data directory holding
 * {@code full} (a good dataset) and {@code truncated.parquet}.
 */
public final class BadInputMain {

  private BadInputMain() { }

  @Jit
  public static double meanOf(String path, String column) {
    DataFrame df = DataFrame.readParquet(path);
    return df.select(column).mean().getDouble(0);
  }

  @Jit
  public static double meanOfString(String path) {
    DataFrame df = DataFrame.readParquet(path);
    return df.column("zone").mean();
  }

  private static void attempt(String what, Supplier<Object> call) {
    try {
      System.out.println("OK " + what + " " + call.get());
    } catch (RuntimeException e) {
      System.out.println("CAUGHT " + what + " " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  public static void main(String[] args) {
    String dir = args[0];
    attempt("missing-file", () -> meanOf(dir + "/no-such-file.parquet", "power"));
    attempt("missing-column", () -> meanOf(dir + "/full", "wattage"));
    attempt("type-mismatch", () -> meanOfString(dir + "/full"));
    attempt("truncated", () -> meanOf(dir + "/truncated.parquet", "power"));
    attempt("still-usable", () -> meanOf(dir + "/full", "speed"));
  }
}

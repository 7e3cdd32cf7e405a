package dev.parjit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method for Parjit: with the agent, its loops over arrays and data frames are analysed
 * at class load time and run in parallel over MPI ranks; without the agent it is inert and the
 * method runs sequentially with the same result.
 *
 * <p>The annotation is retained in class files (not at run time): the agent reads it from the
 * bytecode, and plain {@code java} never needs it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Jit {

  /**
   * {@code true} (spawn mode): the first call starts worker processes and the call runs there.
   * {@code false}: the method runs in place on every rank of an SPMD launch.
   */
  boolean spawn() default true;

  /** Store the compiled method in the compile cache ({@code ~/.cache/parjit} by default). */
  boolean cache() default false;

  /**
   * Parameters (by source name) and the return value ({@code "return"}) that must stay
   * distributed (1D) even where the analysis would replicate them.
   */
  String[] distributed() default {};

  /** Parameters (by source name) and the return value ({@code "return"}) to keep replicated. */
  String[] replicated() default {};
}

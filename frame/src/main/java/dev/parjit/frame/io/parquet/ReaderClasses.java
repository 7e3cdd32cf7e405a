package dev.parjit.frame.io.parquet;

/**
 * The class whose static initializer a process's first Parquet read pays most for: Parquet-MR's
 * footer model {@code ParquetMetadata}, which builds a Jackson {@code ObjectMapper} (some 700
 * classes with date and number formats, though no read prints JSON). A spawn-mode worker whose
 * program reads Parquet initializes it on a background thread while MPI starts, so its first call
 * does not.
 *
 * <p>Safe on another thread than the reading one: that initializer reaches only Jackson (the copy
 * Parquet-MR shades for itself) and the JDK, never a class of Parquet-MR, Arrow or Parjit; so no
 * class the reading thread may be initializing waits for it while it waits for that class (the
 * cycle a class-initialization deadlock needs). It prints nothing and opens nothing.
 */
public final class ReaderClasses {

  static final String FOOTER_MODEL = "org.apache.parquet.hadoop.metadata.ParquetMetadata";

  private ReaderClasses() { }

  /** Initializes the footer model; false when Parquet-MR is not on the class path. */
  public static boolean initializeFooterModel() {
    try {
      Class.forName(FOOTER_MODEL, true, ReaderClasses.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false; // the reads that need it fail there, not here
    }
  }
}

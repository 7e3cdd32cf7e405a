package dev.parjit.frame;

import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Arrow and Parquet-MR log through SLF4J. A program that has no SLF4J provider on its class path
 * (a plain sequential run on {@code bin/parjit classpath}) would see SLF4J's three-line "No SLF4J
 * providers were found" warning on stderr at the first frame, then nothing, since SLF4J falls back
 * to its no-operation logger. This chooses that fallback without the warning, before either
 * library makes its first logger. A program with a provider (the Parjit agent brings one) is left
 * alone.
 */
final class QuietLogging {

  private static final String PROVIDER_PROPERTY = "slf4j.provider";
  private static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

  private QuietLogging() { }

  static void chooseNoOpWithoutProvider() {
    try {
      if (System.getProperty(PROVIDER_PROPERTY) != null) {
        return;
      }
      // SLF4J looks its providers up through the loader that loaded its LoggerFactory.
      boolean any = ServiceLoader.load(SLF4JServiceProvider.class, LoggerFactory.class.getClassLoader())
          .stream().findAny().isPresent();
      if (!any) {
        System.setProperty(PROVIDER_PROPERTY, org.slf4j.helpers.NOP_FallbackServiceProvider.class.getName());
        if (System.getProperty(VERBOSITY_PROPERTY) == null) {
          System.setProperty(VERBOSITY_PROPERTY, "WARN"); // not SLF4J's note that it loads the named provider
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // no SLF4J at all, or a broken service file: SLF4J reports that itself
    }
  }
}

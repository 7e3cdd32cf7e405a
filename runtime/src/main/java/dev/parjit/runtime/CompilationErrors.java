package dev.parjit.runtime;

import dev.parjit.ParjitCompilationException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Methods compiled into a failure: their every call throws {@link ParjitCompilationException} on
 * every rank (so SPMD ranks stay in step: none runs a wrong computation while others fail), and
 * the first call of each is logged, since a compilation error is a program error the user must see
 * even when the exception is caught.
 */
final class CompilationErrors {

  private static final Logger LOG = LoggerFactory.getLogger(CompilationErrors.class);
  private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

  private CompilationErrors() { }

  static void raise(String className, String method, String reason) {
    String where = className.replace('/', '.') + "." + method;
    if (LOGGED.add(where)) {
      LOG.warn("parjit: cannot compile {}: {}", where, reason);
    }
    throw new ParjitCompilationException(where + ": " + reason);
  }
}

package dev.parjit.agent.startup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.DataFrame;
import org.junit.jupiter.api.Test;

class PreparedClassesTest {

  static final class ReadsParquet {
    static double mean(String path) {
      return DataFrame.readParquet(path).numRows();
    }
  }

  static final class BuildsFrames {
    static long rows(double[] x) {
      return DataFrame.of("x", x).numRows();
    }
  }

  @Test
  void aClassCallingReadParquetIsTold() {
    ClassLoader loader = getClass().getClassLoader();
    assertTrue(PreparedClasses.callsReadParquet(loader, ReadsParquet.class.getName()));
    assertFalse(PreparedClasses.callsReadParquet(loader, BuildsFrames.class.getName()));
    assertFalse(PreparedClasses.callsReadParquet(loader, "no.such.Klass"));
  }
}

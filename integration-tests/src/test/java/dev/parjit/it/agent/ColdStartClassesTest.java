package dev.parjit.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.DataFrame;
import dev.parjit.it.JobRunner;
import dev.parjit.it.frames.FrameData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cold spawn-mode Parquet query loads no Jackson databind classes (Arrow's dependency) in any of
 * its JVMs: Arrow's {@code Schema} class builds a JSON mapper (some 570 classes) when first used,
 * which the readers avoid. (Parquet's footer class still initializes its own shaded copy.) The answer is the sequential one, and the workers did the reading (their class logs name
 * the Parquet reader).
 */
class ColdStartClassesTest {

  @Test
  void noJvmOfAColdParquetQueryLoadsJacksonDatabind(@TempDir Path tmp) throws Exception {
    double[] a = new double[10_000];
    double[] b = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = i % 7;
      b[i] = 0.5 * (i % 3);
    }
    java.util.Map<String, double[]> columns = new java.util.LinkedHashMap<>();
    columns.put("a", a);
    columns.put("b", b);
    Path data = FrameData.write(DataFrame.of(columns), tmp.resolve("data"), 2, 2_500);
    String expected;
    try (DataFrame df = DataFrame.readParquet(data.toString(), "a", "b"); dev.parjit.frame.Series m = df.mean()) {
      expected = "MEAN " + m.getDouble(0) + " " + m.getDouble(1);
    }
    Path logs = Files.createDirectories(tmp.resolve("logs"));
    JobRunner.Finished run = JobRunner.runCommand(JobRunner.javaCommand("--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-Xlog:class+load=info:file=" + logs.resolve("classes-%p.log"), "-Dparjit.failOnTransformError=true",
        "-Dparjit.workerArchive=false", "-javaagent:" + JobRunner.agentJar() + "=workers=2",
        "-cp", JobRunner.frameClasspath(), ParquetMeanMain.class.getName(), data.toString()), 180);
    assertEquals(0, run.exitCode(), run.text());
    assertTrue(run.lines().contains(expected), expected + "\n" + run.text());
    List<Path> files;
    try (Stream<Path> s = Files.list(logs)) {
      files = s.toList();
    }
    assertEquals(3, files.size(), "the driver's and two workers' class logs: " + files);
    int readers = 0;
    for (Path f : files) {
      String text = Files.readString(f);
      // "] com." is a class's name at the start: Parquet's own shaded copy (shaded.parquet.com...,
      // which its footer class initializes) is not this one.
      assertTrue(!text.contains("] com.fasterxml.jackson.databind."), f + " loads Jackson databind");
      readers += text.contains("dev.parjit.frame.io.parquet.ParquetColumnReader") ? 1 : 0;
    }
    assertTrue(readers >= 2, "the workers read the file: " + readers + " JVMs loaded the reader");
  }
}

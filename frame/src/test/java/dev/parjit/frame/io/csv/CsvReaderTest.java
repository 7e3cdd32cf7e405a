package dev.parjit.frame.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.io.ColumnType;
import dev.parjit.frame.io.FrameIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  @TempDir Path dir;
  BufferAllocator alloc = new RootAllocator();

  @AfterEach
  void close() {
    assertEquals(0, alloc.getAllocatedMemory(), "vectors leaked");
    alloc.close();
  }

  /** Rows as lists of getObject() values (Text rendered as String), reading the given ranges in order. */
  List<List<Object>> rows(Path f, CsvSchema schema, List<long[]> ranges) {
    List<List<Object>> out = new ArrayList<>();
    for (long[] r : ranges) {
      List<FieldVector> vs = CsvReader.read(f, r[0], r[1], schema, alloc);
      try {
        for (int i = 0; i < vs.get(0).getValueCount(); i++) {
          List<Object> row = new ArrayList<>();
          for (FieldVector v : vs) {
            Object o = v.getObject(i);
            row.add(o == null ? null : o.toString());
          }
          out.add(row);
        }
      } finally {
        vs.forEach(FieldVector::close);
      }
    }
    return out;
  }

  Path generated(int lines) throws Exception {
    StringBuilder sb = new StringBuilder("id,x,flag,when,name\r\n");
    Random rnd = new Random(1);
    for (int i = 0; i < lines; i++) {
      String name = switch (i % 4) {
        case 0 -> "\"has, comma\"";
        case 1 -> "\"say \"\"hi\"\" " + i + "\"";
        case 2 -> "";
        default -> "plain" + i;
      };
      sb.append(i).append(',')
          .append(i % 5 == 0 ? "" : String.valueOf(rnd.nextInt(1000) / 8.0)).append(',')
          .append(i % 7 == 0 ? "" : i % 2 == 0 ? "true" : "FALSE").append(',')
          .append(i % 9 == 0 ? "" : "2024-01-" + String.format("%02d", 1 + i % 28) + "T10:00:0" + (i % 10)).append(',')
          .append(name).append(i % 3 == 0 ? "\r\n" : "\n");
    }
    Path f = dir.resolve("gen.csv");
    Files.writeString(f, sb.toString());
    return f;
  }

  @Test
  void infersTypesFromValues() throws Exception {
    Path f = dir.resolve("types.csv");
    Files.writeString(f, "\uFEFFi,f,b,t,s,empty,mixed,d\n"
        + "1,1,true,2021-03-04,abc,,1,2021-03-04 05:06:07\n"
        + "-2,2.5,False,2021-03-04T05:06:07.123456,,,true,2021-03-04T05:06:07Z\n"
        + ",1e3,,,\"x,y\",,,\n");
    CsvSchema s = CsvReader.infer(f);
    assertEquals(List.of("i", "f", "b", "t", "s", "empty", "mixed", "d"), s.names());
    assertEquals(List.of(ColumnType.INT64, ColumnType.FLOAT64, ColumnType.BOOL, ColumnType.TIMESTAMP,
        ColumnType.STRING, ColumnType.STRING, ColumnType.STRING, ColumnType.TIMESTAMP), s.types());
    List<FieldVector> vs = CsvReader.read(f, 0, Files.size(f), s, alloc);
    try {
      assertEquals(3, vs.get(0).getValueCount());
      assertEquals(-2L, vs.get(0).getObject(1));
      assertNull(vs.get(0).getObject(2));
      assertEquals(1000.0, vs.get(1).getObject(2));
      assertEquals(false, vs.get(2).getObject(1));
      long expected = LocalDateTime.of(2021, 3, 4, 5, 6, 7, 123_456_000).toEpochSecond(ZoneOffset.UTC) * 1_000_000 + 123_456;
      assertEquals(expected, ((TimeStampMicroVector) vs.get(3)).get(1));
      assertEquals(LocalDateTime.of(2021, 3, 4, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000,
          ((TimeStampMicroVector) vs.get(3)).get(0));
      assertEquals(((TimeStampMicroVector) vs.get(7)).get(0), ((TimeStampMicroVector) vs.get(7)).get(1));
      assertNull(vs.get(4).getObject(1));
      assertEquals("x,y", vs.get(4).getObject(2).toString());
      assertNull(vs.get(5).getObject(0));
    } finally {
      vs.forEach(FieldVector::close);
    }
  }

  @Test
  void splitsConcatenateToTheWholeFile() throws Exception {
    Path f = generated(20_000);
    CsvSchema s = CsvReader.infer(f);
    assertEquals(List.of(ColumnType.INT64, ColumnType.FLOAT64, ColumnType.BOOL, ColumnType.TIMESTAMP, ColumnType.STRING),
        s.types());
    List<List<Object>> whole = rows(f, s, List.of(new long[] {0, Files.size(f)}));
    assertEquals(20_000, whole.size());
    assertEquals("say \"hi\" 1", whole.get(1).get(4));
    assertEquals("has, comma", whole.get(4).get(4));
    assertNull(whole.get(2).get(4));
    assertNull(whole.get(0).get(1));
    for (int parts = 1; parts <= 4; parts++) {
      List<long[]> ranges = CsvReader.split(f, parts);
      assertEquals(parts, ranges.size());
      assertEquals(Files.size(f), ranges.get(parts - 1)[1]);
      assertEquals(whole, rows(f, s, ranges), parts + " parts");
    }
    // Any byte ranges, aligned or not, own exactly the lines starting in them.
    Random rnd = new Random(3);
    for (int t = 0; t < 5; t++) {
      List<long[]> ranges = new ArrayList<>();
      long prev = 0;
      for (int k = 0; k < 6; k++) {
        long next = k == 5 ? Files.size(f) : prev + rnd.nextInt((int) (Files.size(f) / 5));
        next = Math.min(next, Files.size(f));
        ranges.add(new long[] {prev, next});
        prev = next;
      }
      assertEquals(whole, rows(f, s, ranges));
    }
  }

  @Test
  void quotedNewlinesReadWholeFile() throws Exception {
    Path f = dir.resolve("nl.csv");
    Files.writeString(f, "a,b\n1,\"two\nlines\"\n2,\"\"\n");
    CsvSchema s = CsvReader.infer(f);
    List<List<Object>> r = rows(f, s, List.of(new long[] {0, Files.size(f)}));
    assertEquals(List.of(List.of("1", "two\nlines"), List.of("2", "")), r);
  }

  @Test
  void badValueNamesFileLineAndColumn() throws Exception {
    StringBuilder sb = new StringBuilder("a,b\n");
    for (int i = 0; i < CsvReader.INFER_LINES + 10; i++) {
      sb.append(i).append(",x\n");
    }
    sb.append("oops,y\n"); // beyond the inferred prefix: a is INT64
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, sb.toString());
    CsvSchema s = CsvReader.infer(f);
    assertEquals(ColumnType.INT64, s.types().get(0));
    FrameIOException e = assertThrows(FrameIOException.class, () -> CsvReader.read(f, 0, Files.size(f), s, alloc));
    int line = CsvReader.INFER_LINES + 12;
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("line " + line)
        && e.getMessage().contains("'a'") && e.getMessage().contains("oops"), e.getMessage());
  }

  @Test
  void wrongFieldCountAndMissingFile() throws Exception {
    Path f = dir.resolve("ragged.csv");
    Files.writeString(f, "a,b\n1,2\n3\n");
    FrameIOException e = assertThrows(FrameIOException.class, () -> CsvReader.infer(f));
    assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains(f.toString()), e.getMessage());
    Path missing = dir.resolve("missing.csv");
    e = assertThrows(FrameIOException.class, () -> CsvReader.infer(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    e = assertThrows(FrameIOException.class, () -> CsvReader.split(empty, 2));
    assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
  }

  @Test
  void headerOnlyGivesEmptyVectors() throws Exception {
    Path f = dir.resolve("header.csv");
    Files.writeString(f, "a,b\n");
    CsvSchema s = CsvReader.infer(f);
    for (long[] r : CsvReader.split(f, 3)) {
      List<FieldVector> vs = CsvReader.read(f, r[0], r[1], s, alloc);
      assertEquals(List.of("a", "b"), vs.stream().map(FieldVector::getName).toList());
      assertEquals(0, vs.get(0).getValueCount());
      vs.forEach(FieldVector::close);
    }
  }
}

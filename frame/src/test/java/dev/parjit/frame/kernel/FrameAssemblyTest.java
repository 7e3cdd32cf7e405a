package dev.parjit.frame.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.JoinType;
import dev.parjit.frame.internal.FrameInternals;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Pieces laid end to end (encodings of chosen rows, and chosen rows of local frames) give the frame
 * {@code DataFrame.concat} gives for the frames of those rows: every dtype, nulls in some pieces
 * only, empty pieces, pieces whose rows start mid-byte of the bitmaps, rows taken in any order or
 * as a range. Pieces that disagree on columns, and corrupt string offsets, are rejected.
 */
class FrameAssemblyTest {

  /** Every dtype, with Arrow nulls in every column on the rows a left join leaves unmatched. */
  private static DataFrame withNulls(int n) {
    DataFrame df = FrameCodecTest.everyType(n);
    long[] keys = new long[n / 3 + 2];
    for (int i = 0; i < keys.length; i++) keys[i] = i % 4 == 3 ? -7 : i * 1_000_000_007L;
    return DataFrame.of("l", keys).merge(df, JoinType.LEFT, "l");
  }

  /** A piece and the frame of its rows, the expected result of decoding it. */
  private record Case(FrameAssembly.Piece piece, DataFrame rows) { }

  private static Case randomPiece(Random rnd, DataFrame source) {
    int n = source.numRows();
    int m = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(n + 1);
    boolean range = rnd.nextBoolean();
    int from = range ? rnd.nextInt(n - m + 1) : rnd.nextInt(3);
    int[] rows = null;
    int[] chosen = new int[m];
    if (range) {
      for (int k = 0; k < m; k++) chosen[k] = from + k;
    } else {
      rows = new int[from + m + 2];
      for (int k = 0; k < rows.length; k++) rows[k] = rnd.nextInt(n);
      System.arraycopy(rows, from, chosen, 0, m);
    }
    DataFrame expected = FrameInternals.takeRows(source, chosen);
    int to = from + m;
    if (rnd.nextBoolean()) {
      return new Case(FrameAssembly.Piece.rows(source, rows, from, to), expected);
    }
    byte[] bytes = new byte[FrameCodec.encodedSize(source, rows, from, to) + 5];
    FrameCodec.encode(source, rows, from, to, bytes, 3);
    return new Case(FrameAssembly.Piece.encoded(FrameCodec.layout(bytes, 3, bytes.length - 5)), expected);
  }

  @Test
  void piecesOfEveryKindGiveTheConcatenationOfTheirRows() {
    Random rnd = new Random(5);
    DataFrame[] sources = {FrameCodecTest.everyType(29), withNulls(29), FrameCodecTest.everyType(29).slice(5, 19)};
    for (int round = 0; round < 200; round++) {
      int count = 1 + rnd.nextInt(5);
      List<FrameAssembly.Piece> pieces = new ArrayList<>();
      List<DataFrame> expected = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        // Pieces of a frame with nulls and of one without: the result has nulls in some pieces only.
        Case c = randomPiece(rnd, sources[rnd.nextInt(sources.length)].select("l", "d", "i", "b", "s", "t"));
        pieces.add(c.piece());
        expected.add(c.rows());
      }
      DataFrame want = DataFrame.concat(expected.toArray(new DataFrame[0]));
      DataFrame got = FrameAssembly.concat(pieces);
      assertEquals(want, got, "round " + round);
      assertEquals(want.toString(), got.toString(), "round " + round);
      for (String c : want.columns()) {
        assertEquals(want.column(c).arrowVector().getNullCount(), got.column(c).arrowVector().getNullCount(), c);
      }
    }
  }

  @Test
  void aSingleEncodingDecodesAsItself() {
    DataFrame df = withNulls(40);
    FrameAssembly.Piece only = FrameAssembly.Piece.encoded(FrameCodec.layout(FrameCodec.encode(df), 0, FrameCodec.encodedSize(df)));
    assertEquals(df, FrameAssembly.concat(List.of(only)));
  }

  @Test
  void piecesThatDisagreeOnColumnsAreRejected() {
    DataFrame a = DataFrame.of("x", new double[] {1, 2});
    DataFrame b = DataFrame.of("x", new long[] {1, 2});
    DataFrame c = DataFrame.of("y", new double[] {1, 2});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameAssembly.concat(
        List.of(FrameAssembly.Piece.rows(a, null, 0, 2), FrameAssembly.Piece.rows(b, null, 0, 2))));
    assertTrue(e.getMessage().contains("piece 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FrameAssembly.concat(
        List.of(FrameAssembly.Piece.rows(a, null, 0, 2), FrameAssembly.Piece.rows(c, null, 0, 1))));
    assertThrows(IllegalArgumentException.class, () -> FrameAssembly.concat(List.of()));
  }

  @Test
  void rowsOutsideTheFrameAreRejectedBeforeAnyCopy() {
    DataFrame a = DataFrame.of("x", new double[] {1, 2});
    assertThrows(IndexOutOfBoundsException.class, () -> FrameAssembly.Piece.rows(a, new int[] {0, 2}, 0, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> FrameAssembly.Piece.rows(a, new int[] {-1}, 0, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> FrameAssembly.Piece.rows(a, null, 1, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> FrameAssembly.Piece.rows(a, new int[] {0}, 0, 2));
  }

  @Test
  void decreasingStringOffsetsAreCorrupt() {
    DataFrame df = DataFrame.builder().add("s", new String[] {"ab", "cd", "ef"}).build();
    byte[] bytes = FrameCodec.encode(df);
    // Header 16 bytes, name length 4 + "s" 1, dtype 1, nulls flag 1: the offsets follow.
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(16 + 4 + 1 + 2 + 4, 5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameCodec.decode(bytes));
    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
  }

  @Test
  void bitsPastAPiecesRowsNeverReachTheNextPiece() {
    // Three rows, the second null; then bits 3-7 of its validity byte set, as no encoder writes them.
    DataFrame first = DataFrame.of("k", new long[] {1, 2, 3}).merge(DataFrame.builder().add("k", new long[] {1, 3}).add("v", new long[] {10, 30})
        .build(), JoinType.LEFT, "k");
    byte[] bytes = FrameCodec.encode(first);
    FrameCodec.Layout layout = FrameCodec.layout(bytes, 0, bytes.length);
    int validity = layout.columns().get(1).validity();
    assertTrue(validity >= 0);
    bytes[validity] |= (byte) 0xF8;
    DataFrame nulls = DataFrame.of("k", new long[] {4, 5, 6, 7, 8}).merge(DataFrame.builder().add("k", new long[] {1})
        .add("v", new long[] {10}).build(), JoinType.LEFT, "k");
    DataFrame got = FrameAssembly.concat(List.of(FrameAssembly.Piece.encoded(FrameCodec.layout(bytes, 0, bytes.length)),
        FrameAssembly.Piece.rows(nulls, null, 0, 5)));
    assertEquals(DataFrame.concat(first, nulls), got);
    assertEquals(6, got.column("v").arrowVector().getNullCount());
  }
}

package dev.parjit.frame.io.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * Decodes the pages of one flat column chunk straight into an Arrow vector, page at a time (or,
 * for a subclass that overrides the validity hooks, into anything else: {@link StatsDecoder}).
 *
 * <p>This class owns what every type shares: page headers (V1 and V2), definition levels decoded
 * in bulk into the validity bitmap (a page that is one RLE run of "defined" sets whole validity
 * bytes; otherwise levels are unpacked and the non-null row positions collected), and the choice of
 * value path: PLAIN and dictionary ids go to the type's bulk methods; any other encoding
 * (DELTA_*, BYTE_STREAM_SPLIT, RLE booleans) to Parquet-MR's value-at-a-time {@link ValuesReader}.
 * Subclasses write values: {@code positions == null} means the page has no nulls and value k goes
 * to row {@code row + k}; otherwise to row {@code row + positions[k]}.
 */
abstract class ChunkDecoder {
  final FieldVector vector;
  final ColumnDescriptor column;
  private final int maxDef;
  private final int levelWidth;
  private final HybridDecoder levels = new HybridDecoder();
  private final HybridDecoder idDecoder = new HybridDecoder();
  private int[] defs = new int[0];
  private int[] positionBuf = new int[0];
  private int[] ids = new int[0];
  /** Non-null positions of the current page, or null when it has no nulls. */
  private int[] positions;
  private boolean hasDictionary;
  /** The chunk's pages when this decoder reads PLAIN pages block by block ({@link #plainBlocks}), else null. */
  private ChunkPages inPlace;
  private byte[] head = new byte[64];

  ChunkDecoder(FieldVector vector, ColumnDescriptor column) {
    this.vector = vector;
    this.column = column;
    this.maxDef = column.getMaxDefinitionLevel();
    this.levelWidth = 32 - Integer.numberOfLeadingZeros(maxDef);
    if (column.getMaxRepetitionLevel() != 0) {
      throw new IllegalArgumentException("repeated columns are not supported");
    }
  }

  /**
   * Decodes one column chunk into rows {@code [rowBase, rowBase + rows)} of the vector, which the
   * caller allocated for at least that many rows.
   */
  final void readChunk(PageReader pages, long rowBase, long rows) throws IOException {
    hasDictionary = false;
    inPlace = pages instanceof ChunkPages c && readsPlainBlocks() ? c : null;
    if (inPlace != null) {
      inPlace.deferPlainPages();
    }
    DictionaryPage dict = pages.readDictionaryPage();
    if (dict != null) {
      Encoding e = dict.getEncoding();
      if (e != Encoding.PLAIN && e != Encoding.PLAIN_DICTIONARY) {
        throw new ParquetDecodingException("unsupported dictionary page encoding " + e);
      }
      PageBytes b = PageBytes.of(dict.getBytes());
      loadDictionary(b.a(), b.off(), b.end(), dict.getDictionarySize());
      hasDictionary = true;
    }
    startChunk(rowBase);
    long row = rowBase;
    long end = rowBase + rows;
    for (DataPage page = pages.readPage(); page != null; page = pages.readPage()) {
      int n = page.getValueCount();
      if (row + n > end) {
        throw new ParquetDecodingException("column chunk holds more values than its row group's " + rows + " rows");
      }
      if (page instanceof DataPageV1 v1) {
        pageV1(v1, row, n);
      } else {
        pageV2((DataPageV2) page, row, n);
      }
      row += n;
    }
    if (row != end) {
      throw new ParquetDecodingException(
          "column chunk holds " + (row - rowBase) + " values but its row group has " + rows + " rows");
    }
    endChunk(end);
  }

  private void pageV1(DataPageV1 page, long row, int n) throws IOException {
    PageRuns runs = inPlace == null ? null : inPlace.deferredRuns();
    if (runs != null && page.getValueEncoding() == Encoding.PLAIN
        && (maxDef == 0 || page.getDlEncoding() == Encoding.RLE)) {
      pageV1InBlocks(runs, row, n);
      return;
    }
    PageBytes b = runs != null ? inPlace.materialize() : PageBytes.of(page.getBytes());
    int pos = b.off();
    int count = n;
    positions = null;
    if (maxDef > 0) {
      if (page.getDlEncoding() != Encoding.RLE) {
        throw new ParquetDecodingException("unsupported definition level encoding " + page.getDlEncoding());
      }
      PageBytes.need(pos, b.end(), 4);
      int len = PageBytes.getInt(b.a(), pos);
      pos += 4;
      PageBytes.need(pos, b.end(), len);
      levels.init(b.a(), pos, pos + len, levelWidth);
      pos += len;
      count = levels(row, n);
    } else {
      allValid(row, n);
    }
    values(page.getValueEncoding(), b.a(), pos, b.end(), row, n, count);
  }

  /**
   * A PLAIN V1 page whose bytes are still in the chunk: the definition levels are copied and decoded
   * as usual, the values are handed to {@link #plainBlocks} where they lie.
   */
  private void pageV1InBlocks(PageRuns runs, long row, int n) {
    int size = runs.size();
    int pos = 0;
    int count = n;
    positions = null;
    if (maxDef > 0) {
      PageBytes.need(0, size, 4);
      runs.copy(0, head, 0, 4);
      int len = PageBytes.getInt(head, 0);
      PageBytes.need(4, size, len);
      if (len < 0) {
        throw new ParquetDecodingException("definition levels of negative length " + len);
      }
      if (head.length < len) {
        head = new byte[Math.max(len, head.length * 2)];
      }
      runs.copy(4, head, 0, len);
      levels.init(head, 0, len, levelWidth);
      pos = 4 + len;
      count = levels(row, n);
    } else {
      allValid(row, n);
    }
    if (count > 0) {
      plainBlocks(runs, pos, size, row, positions, count);
    }
  }

  private void pageV2(DataPageV2 page, long row, int n) throws IOException {
    int count = n;
    positions = null;
    if (maxDef > 0) {
      PageBytes dl = PageBytes.of(page.getDefinitionLevels());
      levels.init(dl.a(), dl.off(), dl.end(), levelWidth);
      count = levels(row, n);
    } else {
      allValid(row, n);
    }
    PageBytes data = PageBytes.of(page.getData());
    values(page.getDataEncoding(), data.a(), data.off(), data.end(), row, n, count);
  }

  /** Sets validity for the page's n rows; returns the number of non-null values. */
  private int levels(long row, int n) {
    int u = levels.uniform(n);
    if (u == maxDef) {
      allValid(row, n);
      return n;
    }
    if (u >= 0) {
      noneValid(row, n);
      return 0;
    }
    if (defs.length < n) {
      defs = new int[n];
      positionBuf = new int[n];
    }
    levels.read(defs, 0, n);
    int k = 0;
    int[] pos = positionBuf;
    for (int i = 0; i < n; i++) {
      if (defs[i] == maxDef) {
        pos[k++] = i;
      }
    }
    if (k == n) {
      allValid(row, n);
    } else {
      validAt(row, n, pos, k);
      positions = pos;
    }
    return k;
  }

  /** Marks rows {@code [row, row + n)} valid (a page without nulls). */
  void allValid(long row, int n) {
    Bits.setRange(vector.getValidityBuffer(), row, n);
  }

  /** Rows {@code [row, row + n)} are all null (a vector's validity is zero already). */
  void noneValid(long row, int n) {}

  /** Marks rows {@code row + pos[i]}, {@code i < k}, valid (the rest of the page's n rows stays null). */
  void validAt(long row, int n, int[] pos, int k) {
    var validity = vector.getValidityBuffer();
    for (int i = 0; i < k; i++) {
      Bits.set(validity, row + pos[i]);
    }
  }

  private void values(Encoding enc, byte[] a, int off, int end, long row, int n, int count) {
    if (count == 0) {
      return;
    }
    switch (enc) {
      case PLAIN:
        plain(a, off, end, row, positions, count);
        break;
      case PLAIN_DICTIONARY:
      case RLE_DICTIONARY:
        if (!hasDictionary) {
          throw new ParquetDecodingException("dictionary-encoded page without a dictionary page");
        }
        PageBytes.need(off, end, 1);
        idDecoder.init(a, off + 1, end, a[off] & 0xFF);
        if (ids.length < count) {
          ids = new int[Math.max(count, 1024)];
        }
        idDecoder.read(ids, 0, count);
        dictionary(ids, row, positions, count);
        break;
      default:
        ValuesReader r = enc.getValuesReader(column, ValuesType.VALUES);
        try {
          r.initFromPage(n, ByteBufferInputStream.wrap(ByteBuffer.wrap(a, off, end - off)));
        } catch (IOException e) {
          throw new ParquetDecodingException("cannot decode " + enc + " page", e);
        }
        fallback(r, row, positions, count);
    }
  }

  /** Row of the k-th non-null value of a page starting at {@code row}. */
  static long at(long row, int[] positions, int k) {
    return positions == null ? row + k : row + positions[k];
  }

  /** Called before the first page of a chunk. */
  void startChunk(long rowBase) {}

  /** Called after the last page of a chunk. */
  void endChunk(long end) {}

  /**
   * Whether this decoder reads PLAIN pages through {@link #plainBlocks}, so pages whose bytes lie in
   * the file as they are need not be copied whole first.
   */
  boolean readsPlainBlocks() {
    return false;
  }

  /**
   * As {@link #plain}, for {@code count} values at page byte {@code off} of a page of {@code end}
   * bytes that lies in the chunk ({@code runs}). Only called when {@link #readsPlainBlocks}.
   */
  void plainBlocks(PageRuns runs, int off, int end, long row, int[] positions, int count) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " reads whole pages");
  }

  /** Decodes a PLAIN dictionary page of {@code size} entries. */
  abstract void loadDictionary(byte[] a, int off, int end, int size);

  /** Writes {@code count} PLAIN values starting at {@code a[off]}. */
  abstract void plain(byte[] a, int off, int end, long row, int[] positions, int count);

  /** Writes {@code count} values given as dictionary ids. */
  abstract void dictionary(int[] ids, long row, int[] positions, int count);

  /** Writes {@code count} values read one at a time from Parquet-MR's reader. */
  abstract void fallback(ValuesReader r, long row, int[] positions, int count);
}

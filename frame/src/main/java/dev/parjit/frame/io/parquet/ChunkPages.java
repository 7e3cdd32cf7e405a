package dev.parjit.frame.io.parquet;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * The pages of one column chunk, read straight from the file: a large chunk is a slice of the
 * file's mapping kept by {@link MappedFiles} (or, in a file too large for one mapping, mapped alone
 * and unmapped as soon as it is decoded), a small one is read into a reused heap buffer. A page is copied
 * from there into a reused cache-sized array and decompressed into another ({@link Scratch}):
 * the file's bytes cross the memory bus once, instead of Parquet-MR's read into a heap buffer
 * (through a temporary direct one) and the decompression's read of that buffer; buffered reads did
 * not scale over ranks on a 2-core machine, mapped ones do. (Native snappy-java works on heap
 * arrays here: its direct-buffer form would read the mapping in native code, where a file truncated
 * under it crashes the JVM instead of raising an error; decompressing real data it is 1.5x faster
 * than aircompressor's Java decoder, which could read the mapping directly.) A Snappy page of
 * incompressible bytes is copied from the mapping into the output array once ({@link SnappyLiterals}),
 * or, for a decoder that reduces pages block by block, not at all ({@link #deferPlainPages}).
 *
 * <p>A page handed out is valid until the next {@link #readPage()}: {@link ChunkDecoder} finishes
 * with each page (and copies the dictionary) before asking for the next. Statistics, CRCs and
 * index pages are skipped; encrypted files are not supported.
 */
final class ChunkPages implements PageReader, AutoCloseable {
  /** Off: every page is copied whole (tests compare both ways of reading the same pages). */
  static volatile boolean readInPlace = true;
  /** Chunks at least this large are mapped; smaller ones are read. Tests lower it to cover mapping. */
  static volatile int mapThreshold = 1 << 20;

  /** Buffers one reading thread reuses from chunk to chunk. */
  static final class Scratch {
    byte[] out = new byte[0];
    byte[] in = new byte[0];
    ByteBuffer read = ByteBuffer.allocate(0);

    byte[] out(int n) {
      if (out.length < n) {
        out = new byte[Math.max(n, out.length + out.length / 2)];
      }
      return out;
    }

    byte[] in(int n) {
      if (in.length < n) {
        in = new byte[Math.max(n, in.length + in.length / 2)];
      }
      return in;
    }
  }

  private final ByteBuffer chunk;
  private final boolean mapped;
  private final CompressionCodecName codec;
  private final long totalValues;
  private final Scratch scratch;
  private long valuesRead;
  /** Where the last data page's bytes lie in the chunk, when they were not copied ({@link #deferPlainPages}). */
  private final PageRuns runs = new PageRuns();
  private boolean deferPages;
  private boolean deferred;
  private DataPage pending;
  private DictionaryPage dictionary;
  private boolean started;

  private ChunkPages(ByteBuffer chunk, boolean mapped, ColumnChunkMetaData meta, Scratch scratch) {
    this.chunk = chunk;
    this.mapped = mapped;
    this.codec = meta.getCodec();
    this.totalValues = meta.getValueCount();
    this.scratch = scratch;
  }

  /** The pages of {@code meta}'s chunk of the open file {@code ch}; close it when decoded. */
  static ChunkPages open(FileChannel ch, ByteBuffer whole, ColumnChunkMetaData meta, Scratch scratch)
      throws IOException {
    long start = meta.getStartingPos();
    long size = meta.getTotalSize();
    if (start < 0 || size < 0 || start + size > ch.size() || size > Integer.MAX_VALUE - 16) {
      throw new ParquetDecodingException("column chunk [" + start + ", " + (start + size) + ") lies outside the file of "
          + ch.size() + " bytes");
    }
    if (whole != null && size >= mapThreshold) {
      return new ChunkPages(whole.duplicate().position((int) start).limit((int) (start + size)).slice(), false, meta, scratch);
    }
    if (size >= mapThreshold) {
      return new ChunkPages(ch.map(FileChannel.MapMode.READ_ONLY, start, size), true, meta, scratch);
    }
    ByteBuffer b = scratch.read;
    if (b.capacity() < size) {
      b = ByteBuffer.allocate((int) Math.max(size, b.capacity() + b.capacity() / 2));
      scratch.read = b;
    }
    b.clear().limit((int) size);
    long pos = start;
    while (b.hasRemaining()) {
      int n = ch.read(b, pos);
      if (n < 0) {
        throw new ParquetDecodingException("file ends inside a column chunk");
      }
      pos += n;
    }
    b.flip();
    return new ChunkPages(b.slice(), false, meta, scratch);
  }

  /**
   * From now on, a V1 data page whose bytes lie in the chunk as they are (UNCOMPRESSED, or Snappy
   * literals) is handed out without them: its {@link DataPage} holds no bytes, and
   * {@link #deferredRuns()} says where they are. For a decoder that reads such pages block by block
   * ({@link ChunkDecoder}); it must call {@link #materialize()} for any page it decodes whole.
   */
  void deferPlainPages() {
    deferPages = true;
  }

  /** Where the bytes of the data page last handed out lie, or null when the page holds its bytes. */
  PageRuns deferredRuns() {
    return deferred ? runs : null;
  }

  /** The bytes of the deferred data page last handed out, copied into the page array. */
  PageBytes materialize() {
    int size = runs.size();
    byte[] out = scratch.out(size);
    runs.copy(0, out, 0, size);
    return new PageBytes(out, 0, size);
  }

  @Override
  public long getTotalValueCount() {
    return totalValues;
  }

  @Override
  public DictionaryPage readDictionaryPage() {
    start();
    return dictionary;
  }

  @Override
  public DataPage readPage() {
    start();
    DataPage p = pending;
    pending = null;
    return p != null ? p : next();
  }

  /** Reads up to the first data page, keeping the dictionary page if there is one. */
  private void start() {
    if (!started) {
      started = true;
      pending = next();
    }
  }

  private DataPage next() {
    deferred = false;
    try {
      while (valuesRead < totalValues && chunk.hasRemaining()) {
        PageHeader h = Util.readPageHeader(new BufferStream(chunk));
        int compressed = h.getCompressed_page_size();
        int size = h.getUncompressed_page_size();
        if (compressed < 0 || compressed > chunk.remaining() || size < 0) {
          throw new ParquetDecodingException("page of " + compressed + " bytes does not fit its column chunk");
        }
        int at = chunk.position();
        chunk.position(at + compressed);
        switch (h.getType()) {
          case DICTIONARY_PAGE: {
            if (dictionary != null || valuesRead > 0) {
              throw new ParquetDecodingException("more than one dictionary page, or one after data pages");
            }
            DictionaryPageHeader d = h.getDictionary_page_header();
            // The dictionary must outlive the data pages' decompression: its own array.
            byte[] bytes = new byte[size];
            decompress(at, compressed, bytes, size);
            dictionary = new DictionaryPage(BytesInput.from(bytes), size, d.getNum_values(), encoding(d.getEncoding()));
            break;
          }
          case DATA_PAGE: {
            DataPageHeader d = h.getData_page_header();
            BytesInput bytes;
            if (deferPages && readInPlace && inPlace(at, compressed, size)) {
              deferred = true;
              bytes = BytesInput.empty(); // a decoder that reads it whole without materialize() fails, never reads stale bytes
            } else {
              byte[] out = scratch.out(size);
              decompress(at, compressed, out, size);
              bytes = BytesInput.from(out, 0, size);
            }
            valuesRead += d.getNum_values();
            return new DataPageV1(bytes, d.getNum_values(), size, null,
                encoding(d.getRepetition_level_encoding()), encoding(d.getDefinition_level_encoding()),
                encoding(d.getEncoding()));
          }
          case DATA_PAGE_V2: {
            DataPageHeaderV2 d = h.getData_page_header_v2();
            int levels = d.getRepetition_levels_byte_length() + d.getDefinition_levels_byte_length();
            if (levels < 0 || levels > compressed || levels > size) {
              throw new ParquetDecodingException("page levels of " + levels + " bytes do not fit the page");
            }
            byte[] out = scratch.out(size);
            // Levels are never compressed; the data is unless the header says otherwise.
            copy(at, out, 0, levels);
            if (d.isIs_compressed() && codec != CompressionCodecName.UNCOMPRESSED) {
              decompressInto(at + levels, compressed - levels, out, levels, size - levels);
            } else {
              if (compressed != size) {
                throw new ParquetDecodingException("uncompressed page of " + compressed + " bytes declares " + size);
              }
              copy(at + levels, out, levels, size - levels);
            }
            valuesRead += d.getNum_values();
            int rl = d.getRepetition_levels_byte_length();
            int dl = d.getDefinition_levels_byte_length();
            return DataPageV2.uncompressed(d.getNum_rows(), d.getNum_nulls(), d.getNum_values(),
                BytesInput.from(out, 0, rl), BytesInput.from(out, rl, dl), encoding(d.getEncoding()),
                BytesInput.from(out, levels, size - levels), null);
          }
          default:
            break; // index pages and anything newer: skipped
        }
      }
      return null;
    } catch (IOException e) {
      throw new ParquetDecodingException("cannot read page: " + e.getMessage(), e);
    }
  }

  /** Whether the page's uncompressed bytes lie in the chunk as they are; if so {@link #runs} says where. */
  private boolean inPlace(int at, int compressed, int size) {
    if (codec == CompressionCodecName.UNCOMPRESSED) {
      if (compressed != size) {
        return false; // decompress() reports it
      }
      runs.reset(chunk);
      runs.add(at, size);
      return true;
    }
    return codec == CompressionCodecName.SNAPPY && SnappyLiterals.runs(chunk, at, compressed, size, runs);
  }

  private static Encoding encoding(org.apache.parquet.format.Encoding e) {
    return Encoding.valueOf(e.name());
  }

  /** Page bytes at chunk position {@code at} into {@code out[0..size)}. */
  private void decompress(int at, int compressed, byte[] out, int size) throws IOException {
    if (codec == CompressionCodecName.UNCOMPRESSED) {
      if (compressed != size) {
        throw new ParquetDecodingException("uncompressed page of " + compressed + " bytes declares " + size);
      }
      copy(at, out, 0, size);
    } else {
      decompressInto(at, compressed, out, 0, size);
    }
  }

  private void decompressInto(int at, int compressed, byte[] out, int outOff, int size) throws IOException {
    if (codec == CompressionCodecName.SNAPPY && SnappyLiterals.copy(chunk, at, compressed, out, outOff, size, runs)) {
      return; // incompressible bytes: copied from the file once, not copied and then decompressed
    }
    byte[] in = scratch.in(compressed);
    copy(at, in, 0, compressed);
    if (outOff == 0) {
      ParquetCodecs.decompress(codec, in, 0, compressed, out, size);
    } else {
      byte[] tmp = ParquetCodecs.decompress(codec, in, 0, compressed, size);
      System.arraycopy(tmp, 0, out, outOff, size);
    }
  }

  private void copy(int at, byte[] out, int off, int len) {
    chunk.get(at, out, off, len);
  }

  /** Unmaps a mapped chunk now rather than at some later GC. */
  @Override
  public void close() {
    if (mapped) {
      Unmapper.unmap(chunk);
    }
  }

  /** A stream over a buffer's remaining bytes that advances the buffer (for the Thrift page headers). */
  private static final class BufferStream extends InputStream {
    private final ByteBuffer b;

    BufferStream(ByteBuffer b) {
      this.b = b;
    }

    @Override
    public int read() {
      return b.hasRemaining() ? b.get() & 0xFF : -1;
    }

    @Override
    public int read(byte[] dst, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (!b.hasRemaining()) {
        return -1;
      }
      int n = Math.min(len, b.remaining());
      b.get(dst, off, n);
      return n;
    }
  }

  /** {@code sun.misc.Unsafe.invokeCleaner}, when available; otherwise the GC unmaps. */
  private static final class Unmapper {
    private static final Object UNSAFE;
    private static final java.lang.reflect.Method CLEAN;

    static {
      Object u = null;
      java.lang.reflect.Method m = null;
      try {
        Class<?> c = Class.forName("sun.misc.Unsafe");
        Field f = c.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        u = f.get(null);
        m = c.getMethod("invokeCleaner", ByteBuffer.class);
      } catch (ReflectiveOperationException | RuntimeException e) {
        u = null;
        m = null;
      }
      UNSAFE = u;
      CLEAN = m;
    }

    static void unmap(ByteBuffer b) {
      if (CLEAN == null) {
        return;
      }
      try {
        CLEAN.invoke(UNSAFE, b);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // left to the GC
      }
    }
  }
}

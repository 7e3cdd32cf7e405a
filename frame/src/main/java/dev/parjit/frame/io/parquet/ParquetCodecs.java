package dev.parjit.frame.io.parquet;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page (de)compression without Hadoop: Parquet-MR's own {@code CodecFactory} builds a Hadoop
 * {@code Configuration} (and its XML stack) just to look codecs up, so we plug this factory into
 * {@code ParquetReadOptions} and {@code ColumnChunkPageWriteStore} instead. It works on heap byte
 * arrays with the libraries parquet-hadoop already depends on: snappy-java, zstd-jni,
 * aircompressor (LZ4_RAW) and {@code java.util.zip} (GZIP). LZO, BROTLI and Hadoop-framed LZ4 are
 * not supported and fail with the codec's name.
 */
final class ParquetCodecs implements CompressionCodecFactory {
  /** Shared instance: every decompressed page gets its own array. */
  static final ParquetCodecs INSTANCE = new ParquetCodecs();

  private static final int ZSTD_LEVEL = 3;

  static {
    SnappyLibrary.prepare(); // before snappy-java loads its native library
  }

  private ParquetCodecs() {}

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    switch (codec) {
      case UNCOMPRESSED:
      case SNAPPY:
      case GZIP:
      case ZSTD:
      case LZ4_RAW:
        return new Compressor(codec);
      default:
        throw new UnsupportedOperationException("unsupported Parquet compression codec " + codec);
    }
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    switch (codec) {
      case UNCOMPRESSED:
      case SNAPPY:
      case GZIP:
      case ZSTD:
      case LZ4_RAW:
        return new Decompressor(codec);
      default:
        throw new UnsupportedOperationException("unsupported Parquet compression codec " + codec);
    }
  }

  @Override
  public void release() {}

  /** A heap slice of a BytesInput, without copying when it is already one contiguous array. */
  private static ByteBuffer heap(BytesInput bytes) throws IOException {
    ByteBuffer b = bytes.toByteBuffer();
    if (b.hasArray()) {
      return b;
    }
    byte[] copy = new byte[b.remaining()];
    b.duplicate().get(copy);
    return ByteBuffer.wrap(copy);
  }

  static byte[] decompress(CompressionCodecName codec, byte[] in, int off, int len, int outLen)
      throws IOException {
    return decompress(codec, in, off, len, new byte[outLen], outLen);
  }

  /** Decompresses into {@code out[0..outLen)} and returns {@code out}. */
  static byte[] decompress(CompressionCodecName codec, byte[] in, int off, int len, byte[] out, int outLen)
      throws IOException {
    switch (codec) {
      case SNAPPY: {
        int n = Snappy.uncompress(in, off, len, out, 0);
        check(codec, n, outLen);
        break;
      }
      case ZSTD: {
        long n = Zstd.decompressByteArray(out, 0, outLen, in, off, len);
        if (Zstd.isError(n)) {
          throw new IOException("ZSTD: " + Zstd.getErrorName(n));
        }
        check(codec, n, outLen);
        break;
      }
      case GZIP: {
        try (InputStream z = new GZIPInputStream(new ByteArrayInputStream(in, off, len), 64 * 1024)) {
          check(codec, z.readNBytes(out, 0, outLen), outLen);
        }
        break;
      }
      case LZ4_RAW: {
        int n = new Lz4Decompressor().decompress(in, off, len, out, 0, outLen);
        check(codec, n, outLen);
        break;
      }
      default:
        System.arraycopy(in, off, out, 0, Math.min(len, outLen));
        break;
    }
    return out;
  }

  private static void check(CompressionCodecName codec, long got, int expected) throws IOException {
    if (got != expected) {
      throw new IOException(codec + " page decompressed to " + got + " bytes, header says " + expected);
    }
  }

  private static final class Decompressor implements BytesInputDecompressor {
    private final CompressionCodecName codec;

    Decompressor(CompressionCodecName codec) {
      this.codec = codec;
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
      if (codec == CompressionCodecName.UNCOMPRESSED) {
        return bytes;
      }
      ByteBuffer in = heap(bytes);
      byte[] out = new byte[decompressedSize];
      ParquetCodecs.decompress(
          codec, in.array(), in.arrayOffset() + in.position(), in.remaining(), out, decompressedSize);
      return BytesInput.from(out, 0, decompressedSize);
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
        throws IOException {
      byte[] in = new byte[compressedSize];
      input.duplicate().get(in);
      output.put(ParquetCodecs.decompress(codec, in, 0, compressedSize, new byte[decompressedSize], decompressedSize),
          0, decompressedSize);
    }

    @Override
    public void release() {}
  }

  private static final class Compressor implements BytesInputCompressor {
    private final CompressionCodecName codec;

    Compressor(CompressionCodecName codec) {
      this.codec = codec;
    }

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      if (codec == CompressionCodecName.UNCOMPRESSED) {
        return bytes;
      }
      ByteBuffer b = heap(bytes);
      byte[] in = b.array();
      int off = b.arrayOffset() + b.position();
      int len = b.remaining();
      switch (codec) {
        case SNAPPY: {
          byte[] out = new byte[Snappy.maxCompressedLength(len)];
          return BytesInput.from(out, 0, Snappy.compress(in, off, len, out, 0));
        }
        case ZSTD: {
          byte[] out = new byte[(int) Zstd.compressBound(len)];
          long n = Zstd.compressByteArray(out, 0, out.length, in, off, len, ZSTD_LEVEL);
          if (Zstd.isError(n)) {
            throw new IOException("ZSTD: " + Zstd.getErrorName(n));
          }
          return BytesInput.from(out, 0, (int) n);
        }
        case GZIP: {
          ByteArrayOutputStream out = new ByteArrayOutputStream(len / 2 + 64);
          try (GZIPOutputStream z = new GZIPOutputStream(out, 64 * 1024)) {
            z.write(in, off, len);
          }
          return BytesInput.from(out.toByteArray());
        }
        case LZ4_RAW: {
          Lz4Compressor lz4 = new Lz4Compressor();
          byte[] out = new byte[lz4.maxCompressedLength(len)];
          return BytesInput.from(out, 0, lz4.compress(in, off, len, out, 0, out.length));
        }
        default:
          throw new IllegalStateException(codec.toString());
      }
    }

    @Override
    public CompressionCodecName getCodecName() {
      return codec;
    }

    @Override
    public void release() {}
  }
}

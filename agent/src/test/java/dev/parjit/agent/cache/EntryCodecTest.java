package dev.parjit.agent.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.transforms.DispatchStub;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The file format: round trip, and every kind of damage is detected rather than trusted. */
class EntryCodecTest {

  static CacheEntry sample(String key) {
    String longText = "x".repeat(70_000); // past writeUTF's 64 KB limit
    CompiledClass c = new CompiledClass(new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2},
        List.of(new DispatchStub("p.C.f(I[D)D", new boolean[] {false, true}, false)),
        List.of(new DispatchStub("p.C.g([D)V", new boolean[] {true}, false)),
        List.of("p.C.h()V: because"), List.of("pass a: applied", "pass b: declined: ü"),
        List.of(new CompiledClass.MethodReport("p/C.f(I[D)D", "Distributed diagnostics\n", longText, null),
            new CompiledClass.MethodReport("p/C.h()V", "d", "v", "ParjitWarning: No parallelism found")));
    return new CacheEntry(key, "p/C", "DRIVER", "1.0+abc", "default", 1234L, "[src]",
        Map.of("p/Base", "00ff", "p/Gone", CacheEntry.ABSENT), c);
  }

  @Test
  void roundTrip() throws Exception {
    CacheEntry e = sample("k1");
    CacheEntry back = EntryCodec.decode(EntryCodec.encode(e));
    assertEquals(e.key(), back.key());
    assertEquals(e.className(), back.className());
    assertEquals(e.role(), back.role());
    assertEquals(e.compiler(), back.compiler());
    assertEquals(e.specialization(), back.specialization());
    assertEquals(e.createdMillis(), back.createdMillis());
    assertEquals(e.sourceRoots(), back.sourceRoots());
    assertEquals(e.dependencies(), back.dependencies());
    assertArrayEquals(e.compiled().bytes(), back.compiled().bytes());
    assertEquals(1, back.compiled().stubs().size());
    assertEquals("p.C.f(I[D)D", back.compiled().stubs().get(0).methodKey());
    assertArrayEquals(new boolean[] {false, true}, back.compiled().stubs().get(0).distributedParams());
    assertArrayEquals(new boolean[] {true}, back.compiled().workerSignatures().get(0).distributedParams());
    assertEquals(e.compiled().failures(), back.compiled().failures());
    assertEquals(e.compiled().passLog(), back.compiled().passLog());
    assertEquals(e.compiled().methods(), back.compiled().methods());
  }

  @Test
  void unchangedClassRoundTripsWithoutBytes() throws Exception {
    CompiledClass c = new CompiledClass(null, List.of(), List.of(), List.of(), List.of(), List.of());
    CacheEntry e = new CacheEntry("k", "p/C", "WORKER", "v", "default", 0, "", Map.of(), c);
    assertNull(EntryCodec.decode(EntryCodec.encode(e)).compiled().bytes());
  }

  @Test
  void everyFlippedByteIsDetected() {
    byte[] file = EntryCodec.encode(sample("k2"));
    for (int i = 0; i < file.length; i += Math.max(1, file.length / 500)) {
      byte[] bad = file.clone();
      bad[i] ^= 0x10;
      assertThrows(EntryFormatException.class, () -> EntryCodec.decode(bad), "byte " + i);
    }
  }

  @Test
  void truncatedAndPaddedFilesAreCorrupt() {
    byte[] file = EntryCodec.encode(sample("k3"));
    for (int len : new int[] {0, 7, 20, 52, file.length / 2, file.length - 1}) {
      EntryFormatException e = assertThrows(EntryFormatException.class,
          () -> EntryCodec.decode(Arrays.copyOf(file, len)), "length " + len);
      assertFalse(e.stale());
    }
    assertThrows(EntryFormatException.class, () -> EntryCodec.decode(Arrays.copyOf(file, file.length + 3)));
  }

  @Test
  void anotherFormatVersionIsStale() {
    byte[] file = EntryCodec.encode(sample("k4"));
    ByteBuffer.wrap(file).putInt(8, EntryCodec.FORMAT_VERSION + 1);
    EntryFormatException e = assertThrows(EntryFormatException.class, () -> EntryCodec.decode(file));
    assertTrue(e.stale(), e.getMessage());
  }
}

package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * XTEA over a byte array in 8-byte blocks (ECB), with the key in a field: the round function per
 * block, bytes read and written at {@code 8 * block + j}; and the same cipher over an int array of
 * word pairs, stepping by 2.
 */
public final class BlockCipher implements EffectsProgram {

  private static final int DELTA = 0x9E3779B9;
  private static final int ROUNDS = 32;
  private final int[] key = {0x01234567, 0x89ABCDEF, 0xFEDCBA98, 0x76543210};

  // target: parallel (rows2d): the block loop, data[8 * b + j] read and written
  @Jit
  void encrypt(byte[] data) {
    int blocks = data.length / 8;
    for (int b = 0; b < blocks; b++) {
      int base = 8 * b;
      int v0 = (data[base] & 0xFF) << 24 | (data[base + 1] & 0xFF) << 16 | (data[base + 2] & 0xFF) << 8
          | data[base + 3] & 0xFF;
      int v1 = (data[base + 4] & 0xFF) << 24 | (data[base + 5] & 0xFF) << 16 | (data[base + 6] & 0xFF) << 8
          | data[base + 7] & 0xFF;
      int sum = 0;
      for (int r = 0; r < ROUNDS; r++) {
        v0 += (((v1 << 4) ^ (v1 >>> 5)) + v1) ^ (sum + key[sum & 3]);
        sum += DELTA;
        v1 += (((v0 << 4) ^ (v0 >>> 5)) + v0) ^ (sum + key[(sum >>> 11) & 3]);
      }
      data[base] = (byte) (v0 >>> 24);
      data[base + 1] = (byte) (v0 >>> 16);
      data[base + 2] = (byte) (v0 >>> 8);
      data[base + 3] = (byte) v0;
      data[base + 4] = (byte) (v1 >>> 24);
      data[base + 5] = (byte) (v1 >>> 16);
      data[base + 6] = (byte) (v1 >>> 8);
      data[base + 7] = (byte) v1;
    }
  }

  // target: parallel (rows2d): pairs v[i], v[i + 1] with i stepping by 2
  @Jit
  void encryptWords(int[] v) {
    for (int i = 0; i + 1 < v.length; i += 2) {
      int v0 = v[i];
      int v1 = v[i + 1];
      int sum = 0;
      for (int r = 0; r < ROUNDS; r++) {
        v0 += (((v1 << 4) ^ (v1 >>> 5)) + v1) ^ (sum + key[sum & 3]);
        sum += DELTA;
        v1 += (((v0 << 4) ^ (v0 >>> 5)) + v0) ^ (sum + key[(sum >>> 11) & 3]);
      }
      v[i] = v0;
      v[i + 1] = v1;
    }
  }

  // target: parallel (rows2d): decryption into a fresh word array, pairs at 2 * b
  @Jit
  int[] decryptWords(int[] v) {
    int[] out = new int[v.length];
    for (int b = 0; b < v.length / 2; b++) {
      int v0 = v[2 * b];
      int v1 = v[2 * b + 1];
      int sum = DELTA * ROUNDS;
      for (int r = 0; r < ROUNDS; r++) {
        v1 -= (((v0 << 4) ^ (v0 >>> 5)) + v0) ^ (sum + key[(sum >>> 11) & 3]);
        sum -= DELTA;
        v0 -= (((v1 << 4) ^ (v1 >>> 5)) + v1) ^ (sum + key[sum & 3]);
      }
      out[2 * b] = v0;
      out[2 * b + 1] = v1;
    }
    return out;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    byte[] data = CorpusData.bytes(n, 70);
    encrypt(data);
    s.put("data", data);
    int[] words = new int[n];
    for (int i = 0; i < n; i++) {
      words[i] = i * 0x01010101 + 12345;
    }
    encryptWords(words);
    s.put("words", words);
    s.put("decrypted", decryptWords(words));
    s.put("key", key);
  }
}

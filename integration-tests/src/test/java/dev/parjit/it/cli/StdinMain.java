package dev.parjit.it.cli;

import dev.parjit.Parjit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads its standard input to the end and prints what it got, per rank. */
public final class StdinMain {

  private StdinMain() { }

  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    int lines = 0;
    for (String line; (line = in.readLine()) != null; ) {
      System.out.println("rank " + Parjit.getRank() + " read: " + line);
      lines++;
    }
    System.out.println("rank " + Parjit.getRank() + " lines: " + lines);
  }
}

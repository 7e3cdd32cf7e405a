package dev.parjit.transforms;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.TraceClassVisitor;

/**
 * Writes a class's bytes and its textified bytecode under the dump directory, as
 * {@code <dir>/<internal name>.<stage>.class} and {@code .txt} ({@code stage} is
 * {@code original} or {@code rewritten}).
 */
final class BytecodeDump {

  private BytecodeDump() { }

  static void write(Path dir, String internalName, String stage, byte[] bytes) throws IOException {
    Path base = dir.resolve(internalName + "." + stage);
    Files.createDirectories(base.getParent());
    Files.write(Path.of(base + ".class"), bytes);
    StringWriter text = new StringWriter();
    new ClassReader(bytes).accept(new TraceClassVisitor(new PrintWriter(text)), 0);
    Files.writeString(Path.of(base + ".txt"), text.toString());
  }
}

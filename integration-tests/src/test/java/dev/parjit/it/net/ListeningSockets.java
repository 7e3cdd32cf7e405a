package dev.parjit.it.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The TCP sockets listening in this network namespace, with their owning process, from {@code ss -ltnpH}. */
public final class ListeningSockets {

  /** One listening socket: its local address (without brackets), port and the owning process. */
  public record Socket(String address, int port, long pid) {
    public boolean loopback() {
      String v4 = address.startsWith("::ffff:") ? address.substring("::ffff:".length()) : address; // IPv4-mapped
      return v4.startsWith("127.") || address.equals("::1");
    }
  }

  private static final Pattern LINE = Pattern.compile("LISTEN\\s+\\d+\\s+\\d+\\s+(\\S+):(\\d+)\\s+\\S+.*?pid=(\\d+)");

  private ListeningSockets() { }

  /** Whether {@code ss} is there to ask. */
  public static boolean available() {
    try {
      return new ProcessBuilder("ss", "-V").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** The listening sockets owned by any of {@code pids}. */
  public static List<Socket> of(Set<Long> pids) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    List<Socket> found = new ArrayList<>();
    for (String line : out.split("\n")) {
      Matcher m = LINE.matcher(line);
      if (m.find()) {
        long pid = Long.parseLong(m.group(3));
        if (pids.contains(pid)) {
          String addr = m.group(1).replace("[", "").replace("]", "").replaceAll("%.*", "");
          found.add(new Socket(addr, Integer.parseInt(m.group(2)), pid));
        }
      }
    }
    return found;
  }
}

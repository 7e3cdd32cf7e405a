package dev.parjit.mpi.launch;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands a Slurm host list such as {@code node[01-03,07],gpu1} into host names, in order
 * ({@code node01 node02 node03 node07 gpu1}), the way {@code scontrol show hostnames} does for the
 * forms Slurm writes into {@code SLURM_STEP_NODELIST}: comma-separated names, each with at most
 * one bracketed range list whose numbers keep their zero padding.
 */
final class SlurmHostList {

  private SlurmHostList() { }

  static List<String> expand(String list) {
    List<String> hosts = new ArrayList<>();
    for (String item : splitTopLevel(list.trim())) {
      int open = item.indexOf('[');
      if (open < 0) {
        hosts.add(item);
        continue;
      }
      int close = item.indexOf(']', open);
      if (close < 0) {
        throw new IllegalArgumentException("Slurm host list '" + list + "': unclosed '[' in '" + item + "'");
      }
      String prefix = item.substring(0, open);
      String suffix = item.substring(close + 1);
      for (String range : item.substring(open + 1, close).split(",")) {
        String[] ends = range.split("-", 2);
        try {
          long from = Long.parseLong(ends[0]);
          long to = ends.length == 2 ? Long.parseLong(ends[1]) : from;
          if (to < from || to - from > 100_000) {
            throw new IllegalArgumentException("Slurm host list '" + list + "': bad range '" + range + "'");
          }
          int width = ends[0].length();
          for (long n = from; n <= to; n++) {
            hosts.add(prefix + String.format("%0" + width + "d", n) + suffix);
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("Slurm host list '" + list + "': bad range '" + range + "'");
        }
      }
    }
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("Slurm host list is empty");
    }
    return hosts;
  }

  /** Splits at commas outside brackets. */
  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        if (i > start) {
          parts.add(s.substring(start, i));
        }
        start = i + 1;
      }
    }
    if (start < s.length()) {
      parts.add(s.substring(start));
    }
    return parts;
  }
}

package io.github.matomotracking.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a JVM holds that a client could leak: live threads, open file descriptors
 * ({@code /proc/self/fd}), TCP connections to a port ({@code /proc/net/tcp} and {@code tcp6}),
 * and heap in use after a full collection. The {@code /proc} readings are Linux only and give -1
 * elsewhere.
 */
final class ResourceProbe {

  private static final Path FDS = Path.of("/proc/self/fd");

  private ResourceProbe() {}

  static Set<Thread> threads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
  }

  static List<String> names(Set<Thread> threads) {
    return threads.stream().map(Thread::getName).sorted().collect(Collectors.toList());
  }

  static boolean procAvailable() {
    return Files.isDirectory(FDS) && Files.isReadable(Path.of("/proc/net/tcp"));
  }

  /** Open file descriptors of this process, or -1 without /proc. */
  static long fileDescriptors() {
    if (!Files.isDirectory(FDS)) {
      return -1;
    }
    try (Stream<Path> fds = Files.list(FDS)) {
      return fds.count();
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Open TCP connections on the loopback whose remote end is {@code port} (the client's side of
   * connections to a server on that port): ESTABLISHED or CLOSE_WAIT. -1 without /proc.
   */
  static long connectionsTo(int port) {
    return countTcp(port, false);
  }

  /** Open TCP connections whose local end is {@code port} (a server's accepted connections). */
  static long connectionsAt(int port) {
    return countTcp(port, true);
  }

  private static long countTcp(int port, boolean local) {
    long count = 0;
    boolean read = false;
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path path = Path.of(table);
      if (!Files.isReadable(path)) {
        continue;
      }
      try {
        for (String line : Files.readAllLines(path)) {
          String[] fields = line.trim().split("\\s+");
          if (fields.length < 4 || !fields[0].endsWith(":")) {
            continue;
          }
          String address = local ? fields[1] : fields[2];
          int entryPort = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
          String state = fields[3].toUpperCase(Locale.ROOT);
          if (entryPort == port && (state.equals("01") || state.equals("08"))) {
            count++;
          }
        }
        read = true;
      } catch (IOException | RuntimeException e) {
        // an unreadable table counts as unknown
      }
    }
    return read ? count : -1;
  }

  /** Heap in use after asking for full collections until it stops shrinking. */
  static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long used = memory.getHeapMemoryUsage().getUsed();
      if (used >= previous - 256 * 1024) {
        return Math.min(used, previous);
      }
      previous = used;
    }
    return previous;
  }
}

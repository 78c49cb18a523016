package io.github.matomotracking.security;

import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every java.util.logging record of the JVM at every level (System.Logger is backed by
 * java.util.logging when no other LoggerFinder is installed), formatted as a handler would write
 * it (message with its parameters, and the thrown exception's stack trace), into a
 * {@link Haystack}. The client's logger and the root are set to {@code ALL} while it runs.
 */
final class JulCapture implements AutoCloseable {

  private static final String CLIENT_LOGGER = "io.github.matomotracking.client.MatomoClient";

  private final Logger root = Logger.getLogger("");
  private final Logger client = Logger.getLogger(CLIENT_LOGGER);
  private final Level rootLevel = root.getLevel();
  private final Level clientLevel = client.getLevel();
  private final Handler handler;
  private int records;
  private final Map<String, Integer> byLogger = new TreeMap<>();

  JulCapture(Haystack haystack) {
    SimpleFormatter formatter = new SimpleFormatter();
    handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (JulCapture.this) {
          records++;
          byLogger.merge(String.valueOf(record.getLoggerName()), 1, Integer::sum);
        }
        haystack.add("log " + record.getLevel() + " " + record.getLoggerName(), formatter.format(record));
        haystack.add("log raw message " + record.getLoggerName(), record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    handler.setLevel(Level.ALL);
    root.setLevel(Level.ALL);
    client.setLevel(Level.ALL);
    root.addHandler(handler);
  }

  synchronized Map<String, Integer> byLogger() {
    return new TreeMap<>(byLogger);
  }

  synchronized int records() {
    return records;
  }

  @Override
  public void close() {
    root.removeHandler(handler);
    root.setLevel(rootLevel);
    client.setLevel(clientLevel);
  }
}

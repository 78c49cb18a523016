package io.github.matomotracking.examples.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** A private in-memory H2 database for one test; it vanishes when closed. */
final class H2Database implements AutoCloseable {

  private final String url;
  private final Connection keepAlive;

  private H2Database(String url) {
    this.url = url;
    try {
      this.keepAlive = DriverManager.getConnection(url);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open " + url, e);
    }
  }

  static H2Database inMemory() {
    return new H2Database("jdbc:h2:mem:test-" + UUID.randomUUID());
  }

  ConnectionSource source() {
    return ConnectionSource.url(url);
  }

  @Override
  public void close() {
    try {
      keepAlive.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

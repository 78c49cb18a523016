package io.github.matomotracking.examples.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Connection handling shared by the JDBC ports: every unit of work gets its own connection,
 * closed afterwards; writes run in one transaction, rolled back on any failure.
 */
final class Jdbc {

  /** Work on an open connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final ConnectionSource source;
  private final Object schemaLock = new Object();
  private volatile boolean schemaReady;

  Jdbc(ConnectionSource source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /** Runs the work in one transaction (creating the schema first if needed). */
  <T> T transaction(String operation, Work<T> work) {
    ensureSchema();
    try (Connection connection = source.open()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error failure) {
        rollback(connection, failure);
        throw failure;
      } finally {
        restore(connection, autoCommit);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException(operation, e);
    }
  }

  /** Runs read-only work on a connection as it comes (creating the schema first if needed). */
  <T> T read(String operation, Work<T> work) {
    ensureSchema();
    try (Connection connection = source.open()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new JdbcStoreException(operation, e);
    }
  }

  private void ensureSchema() {
    if (schemaReady) {
      return;
    }
    synchronized (schemaLock) {
      if (!schemaReady) {
        JdbcSchema.create(source);
        schemaReady = true;
      }
    }
  }

  private static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static void restore(Connection connection, boolean autoCommit) {
    try {
      connection.setAutoCommit(autoCommit);
    } catch (SQLException ignored) {
      // The connection is closed next; a pool resets it anyway.
    }
  }

  /** Whether the failure is a constraint violation (SQL state class 23), as racing inserts get. */
  static boolean isConstraintViolation(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if (next.getSQLState() != null && next.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  static void setText(PreparedStatement statement, int index, Optional<String> value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setString(index, value.get());
    } else {
      statement.setNull(index, Types.VARCHAR);
    }
  }

  static void setMillis(PreparedStatement statement, int index, Optional<Instant> value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setLong(index, value.get().toEpochMilli());
    } else {
      statement.setNull(index, Types.BIGINT);
    }
  }

  static Optional<String> text(ResultSet rows, String column) throws SQLException {
    return Optional.ofNullable(rows.getString(column));
  }

  static Optional<Instant> millis(ResultSet rows, String column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
  }
}

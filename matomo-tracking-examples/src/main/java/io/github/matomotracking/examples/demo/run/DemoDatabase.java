package io.github.matomotracking.examples.demo.run;

import io.github.matomotracking.examples.jdbc.ConnectionSource;
import io.github.matomotracking.examples.jdbc.JdbcSchema;
import io.github.matomotracking.examples.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's database: the tables of the JDBC ports, emptied at the start so that every run of
 * the demo begins from nothing and its report shows only what this run stored. One connection is
 * kept open while the demo runs, so that an embedded H2 database is opened once rather than at
 * every call of a port.
 */
final class DemoDatabase implements AutoCloseable {

  private static final Pattern TABLE =
      Pattern.compile("CREATE TABLE IF NOT EXISTS (\\w+)", Pattern.CASE_INSENSITIVE);

  private final String url;
  private final Connection keepAlive;

  private DemoDatabase(String url, Connection keepAlive) {
    this.url = url;
    this.keepAlive = keepAlive;
  }

  /**
   * Opens the database, creates the ports' tables if missing and empties them.
   *
   * @param url a JDBC URL
   * @return the open database
   * @throws JdbcStoreException when the database cannot be opened or emptied
   */
  static DemoDatabase openEmpty(String url) {
    Connection connection;
    try {
      connection = DriverManager.getConnection(url);
    } catch (SQLException e) {
      throw new JdbcStoreException("opening of the demo database", e);
    }
    DemoDatabase database = new DemoDatabase(url, connection);
    try {
      ConnectionSource source = database.source();
      JdbcSchema.create(source);
      database.empty();
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** Connections to the database. */
  ConnectionSource source() {
    return ConnectionSource.url(url);
  }

  /** The JDBC URL. */
  String url() {
    return url;
  }

  /** The tables of the JDBC ports, in the order the schema creates them. */
  static List<String> tables() {
    List<String> tables = new ArrayList<>();
    for (String statement : JdbcSchema.statements()) {
      Matcher matcher = TABLE.matcher(statement);
      if (matcher.find()) {
        tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
      }
    }
    return tables;
  }

  private void empty() {
    List<String> tables = tables();
    Collections.reverse(tables);
    try (Connection connection = source().open()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (String table : tables) {
          statement.executeUpdate("DELETE FROM " + table);
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("emptying of the demo database", e);
    }
  }

  @Override
  public void close() {
    try {
      keepAlive.close();
    } catch (SQLException ignored) {
      // Closing the last connection closes an embedded database; nothing is left to undo.
    }
  }
}

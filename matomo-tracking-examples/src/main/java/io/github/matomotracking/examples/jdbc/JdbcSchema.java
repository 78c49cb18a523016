package io.github.matomotracking.examples.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the tables of the JDBC ports from {@code schema.sql}. Every statement is
 * {@code CREATE ... IF NOT EXISTS}, so creating the schema again is harmless. The JDBC ports call
 * this themselves on first use.
 */
public final class JdbcSchema {

  /** The resource holding the schema, beside this class. */
  public static final String RESOURCE = "schema.sql";

  private JdbcSchema() {}

  /**
   * Creates whatever tables and indexes are missing, in one transaction.
   *
   * @param source the database
   * @throws JdbcStoreException when a statement fails
   */
  public static void create(ConnectionSource source) {
    List<String> statements = statements();
    try (Connection connection = source.open()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (String sql : statements) {
          statement.execute(sql);
        }
        connection.commit();
      } catch (SQLException | RuntimeException failure) {
        connection.rollback();
        throw failure;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("schema creation", e);
    }
  }

  /**
   * The statements of the schema, comments removed.
   *
   * @return the SQL statements, in order
   */
  public static List<String> statements() {
    String script;
    try (InputStream in = JdbcSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing beside "
            + JdbcSchema.class.getName());
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    StringBuilder withoutComments = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.startsWith("--")) {
        withoutComments.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : withoutComments.toString().split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }
}

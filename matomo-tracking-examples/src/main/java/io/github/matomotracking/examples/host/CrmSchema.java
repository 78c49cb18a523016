package io.github.matomotracking.examples.host;

import io.github.matomotracking.examples.jdbc.ConnectionSource;
import io.github.matomotracking.examples.jdbc.JdbcStoreException;
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
 * The example CRM's own tables ({@code crm-schema.sql} beside this class), created if missing.
 * A real host has them already; the example creates them so that it runs on an empty H2.
 */
public final class CrmSchema {

  /** The resource beside this class. */
  public static final String RESOURCE = "crm-schema.sql";

  private CrmSchema() {}

  /**
   * Creates the missing tables ({@code CREATE TABLE IF NOT EXISTS}).
   *
   * @param source the database
   * @throws JdbcStoreException when a statement fails
   */
  public static void create(ConnectionSource source) {
    try (Connection connection = source.open(); Statement statement = connection.createStatement()) {
      for (String sql : statements()) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("creation of the CRM tables", e);
    }
  }

  /**
   * The statements of the schema.
   *
   * @return the statements, in order
   */
  public static List<String> statements() {
    String script;
    try (InputStream in = CrmSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing beside " + CrmSchema.class);
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder code = new StringBuilder();
    script.lines().filter(line -> !line.strip().startsWith("--"))
        .forEach(line -> code.append(line).append('\n'));
    List<String> statements = new ArrayList<>();
    for (String sql : code.toString().split(";")) {
      if (!sql.isBlank()) {
        statements.add(sql.strip());
      }
    }
    return statements;
  }
}

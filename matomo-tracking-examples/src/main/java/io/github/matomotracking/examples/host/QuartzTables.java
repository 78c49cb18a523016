package io.github.matomotracking.examples.host;

import io.github.matomotracking.examples.jdbc.ConnectionSource;
import io.github.matomotracking.examples.jdbc.JdbcStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.quartz.Scheduler;

/**
 * Creates Quartz's tables on H2 from the DDL that ships inside the Quartz jar
 * ({@value #H2_DDL}). For another database, run the matching {@code tables_*.sql} of the same
 * folder once, as a migration.
 */
public final class QuartzTables {

  /** The H2 DDL inside the Quartz jar. */
  public static final String H2_DDL = "org/quartz/impl/jdbcjobstore/tables_h2.sql";

  private QuartzTables() {}

  /**
   * Creates the tables unless {@code QRTZ_LOCKS} exists already. Run it once before the nodes
   * start (two nodes creating them at the same moment would collide).
   *
   * @param source the database
   * @return true when the tables were created now
   * @throws JdbcStoreException when a statement fails
   */
  public static boolean createIfMissing(ConnectionSource source) {
    try (Connection connection = source.open()) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, "QRTZ_LOCKS", null)) {
        if (tables.next()) {
          return false;
        }
      }
      try (Statement statement = connection.createStatement()) {
        for (String sql : statements()) {
          statement.execute(sql);
        }
      }
      return true;
    } catch (SQLException e) {
      throw new JdbcStoreException("creation of Quartz's tables", e);
    }
  }

  /**
   * The statements of the H2 DDL, comments and the final {@code COMMIT} left out.
   *
   * @return the statements, in order
   */
  public static List<String> statements() {
    String script;
    try (InputStream in = Scheduler.class.getClassLoader().getResourceAsStream(H2_DDL)) {
      if (in == null) {
        throw new IllegalStateException(H2_DDL + " is missing: is Quartz on the class path?");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + H2_DDL, e);
    }
    StringBuilder code = new StringBuilder();
    script.lines().filter(line -> !line.strip().startsWith("--"))
        .forEach(line -> code.append(line).append('\n'));
    List<String> statements = new ArrayList<>();
    for (String statement : code.toString().split(";")) {
      String sql = statement.strip();
      if (!sql.isEmpty() && !sql.equalsIgnoreCase("COMMIT")) {
        statements.add(sql);
      }
    }
    return statements;
  }
}

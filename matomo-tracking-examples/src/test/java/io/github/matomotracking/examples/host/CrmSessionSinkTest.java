package io.github.matomotracking.examples.host;

import io.github.matomotracking.examples.jdbc.ConnectionSource;
import io.github.matomotracking.port.SessionSinkContract;
import io.github.matomotracking.port.SessionWrite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;

/** The core's session sink contract, row for row, on the CRM's own tables. */
class CrmSessionSinkTest extends SessionSinkContract<CrmSessionSink> {

  private final List<Connection> databases = new ArrayList<>();

  @AfterEach
  void closeDatabases() throws SQLException {
    for (Connection connection : databases) {
      connection.close();
    }
  }

  /** A private in-memory H2 database, kept open until the test ends. */
  static ConnectionSource database(List<Connection> keepAlive) {
    String url = "jdbc:h2:mem:crm-" + UUID.randomUUID();
    try {
      keepAlive.add(DriverManager.getConnection(url));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ConnectionSource.url(url);
  }

  @Override
  protected CrmSessionSink newSink(Predicate<SessionWrite> refuse) {
    return new CrmSessionSink(database(databases)) {
      @Override
      protected void beforeCommit(Connection connection, List<SessionWrite> batch)
          throws SQLException {
        for (SessionWrite write : batch) {
          if (refuse.test(write)) {
            throw new SQLException("the CRM refused visit " + write.key());
          }
        }
      }
    };
  }
}

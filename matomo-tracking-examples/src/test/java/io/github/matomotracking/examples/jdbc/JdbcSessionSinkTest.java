package io.github.matomotracking.examples.jdbc;

import io.github.matomotracking.port.SessionSinkContract;
import io.github.matomotracking.port.SessionWrite;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;

/** The session sink contract on H2: refusal happens after every statement ran, before commit. */
class JdbcSessionSinkTest extends SessionSinkContract<JdbcSessionSink> {

  private final H2Database database = H2Database.inMemory();

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Override
  protected JdbcSessionSink newSink(Predicate<SessionWrite> refuse) {
    return new JdbcSessionSink(database.source()) {
      @Override
      protected void beforeCommit(Connection connection, List<SessionWrite> batch)
          throws SQLException {
        for (SessionWrite write : batch) {
          if (refuse.test(write)) {
            throw new SQLException("refused the write of visit " + write.key());
          }
        }
      }
    };
  }
}

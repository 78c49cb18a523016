package io.github.matomotracking.examples.host;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.quartz.utils.ConnectionProvider;

/**
 * Gives Quartz connections to a JDBC URL through {@link DriverManager}, so that its job store
 * needs no connection pool library (Quartz's own pooling provider wants c3p0 or HikariCP). Quartz
 * sets {@link #setUrl(String)} from {@code org.quartz.dataSource.NAME.url}. A production host
 * hands Quartz its pooled {@code DataSource} instead.
 */
public class JdbcUrlConnectionProvider implements ConnectionProvider {

  private volatile String url;

  /** Created by Quartz from its properties. */
  public JdbcUrlConnectionProvider() {}

  /**
   * The JDBC URL.
   *
   * @param url such as {@code jdbc:h2:./quartz}
   */
  public void setUrl(String url) {
    this.url = url;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return DriverManager.getConnection(url);
  }

  @Override
  public void shutdown() {
    // Nothing is pooled.
  }

  @Override
  public void initialize() throws SQLException {
    if (url == null || url.isBlank()) {
      throw new SQLException("JdbcUrlConnectionProvider needs the property url");
    }
  }
}

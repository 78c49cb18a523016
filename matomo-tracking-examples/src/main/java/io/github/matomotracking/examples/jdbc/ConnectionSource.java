package io.github.matomotracking.examples.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Opens a new JDBC connection whenever asked; the caller closes it. Wrap a pooled
 * {@link DataSource}, or name a JDBC URL.
 */
@FunctionalInterface
public interface ConnectionSource {

  /** The default example database: the H2 file {@code matomo-tracking.mv.db} in the working
   * directory. */
  String DEFAULT_H2_URL = "jdbc:h2:./matomo-tracking";

  /**
   * Opens a connection.
   *
   * @return a new connection, to be closed by the caller
   * @throws SQLException when the database cannot be reached
   */
  Connection open() throws SQLException;

  /**
   * Connections from a data source.
   *
   * @param dataSource the data source (a pool, usually)
   * @return the source
   */
  static ConnectionSource of(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return dataSource::getConnection;
  }

  /**
   * Connections to a JDBC URL through {@link DriverManager}. Credentials, if the database needs
   * any, go into the URL's properties or a {@link DataSource}; they are never logged here.
   *
   * @param jdbcUrl the URL, such as {@code jdbc:h2:./matomo-tracking}
   * @return the source
   */
  static ConnectionSource url(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    return () -> DriverManager.getConnection(jdbcUrl);
  }

  /**
   * Connections to the default example database, {@link #DEFAULT_H2_URL}.
   *
   * @return the source
   */
  static ConnectionSource h2Default() {
    return url(DEFAULT_H2_URL);
  }
}

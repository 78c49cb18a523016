package io.github.matomotracking.examples.jdbc;

import java.sql.SQLException;

/**
 * A database operation of the JDBC ports failed; the message names the operation and carries
 * the database's own message and SQL state. Whatever the operation was writing was rolled back.
 */
public class JdbcStoreException extends RuntimeException {

  /** Version of the serialized form. */
  private static final long serialVersionUID = 1L;

  private final String operation;

  /**
   * An exception.
   *
   * @param operation what was being done, such as "upsert of 3 session writes"
   * @param cause the database's exception
   */
  public JdbcStoreException(String operation, SQLException cause) {
    super("JDBC " + operation + " failed: " + cause.getMessage()
        + (cause.getSQLState() == null ? "" : " (SQL state " + cause.getSQLState() + ")"), cause);
    this.operation = operation;
  }

  /**
   * The operation that failed.
   *
   * @return such as "upsert of 3 session writes"
   */
  public String operation() {
    return operation;
  }
}

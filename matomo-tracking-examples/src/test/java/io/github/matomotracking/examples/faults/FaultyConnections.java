package io.github.matomotracking.examples.faults;

import io.github.matomotracking.examples.jdbc.ConnectionSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;

/**
 * A {@link ConnectionSource} whose connections pass a {@link PointFaults} point at every
 * statement execution and every commit, so that a schedule can make a statement fail, or kill
 * the process, in the middle of a port's transaction (the port must then roll back all of it).
 */
final class FaultyConnections {

  private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
      "executeBatch", "executeLargeUpdate", "executeLargeBatch");

  private FaultyConnections() {}

  /**
   * Wraps a connection source.
   *
   * @param source the real source
   * @param faults where to fail
   * @return the source
   */
  static ConnectionSource of(ConnectionSource source, PointFaults faults) {
    return () -> wrap(Connection.class, source.open(), faults);
  }

  private static <T> T wrap(Class<T> type, T target, PointFaults faults) {
    InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args, faults);
    return type.cast(Proxy.newProxyInstance(FaultyConnections.class.getClassLoader(),
        new Class<?>[] {type}, handler));
  }

  private static Object invoke(Object target, Method method, Object[] args, PointFaults faults)
      throws Throwable {
    String name = method.getName();
    if (EXECUTIONS.contains(name)) {
      faults.passStatement("jdbc." + name);
    } else if (name.equals("commit")) {
      faults.passStatement("jdbc.commit");
    }
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    if (result instanceof PreparedStatement statement) {
      return wrap(PreparedStatement.class, statement, faults);
    }
    if (result instanceof Statement statement && name.equals("createStatement")) {
      return wrap(Statement.class, statement, faults);
    }
    return result;
  }
}

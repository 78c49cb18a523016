package io.github.matomotracking.examples.faults;

import io.github.matomotracking.examples.jdbc.ConnectionSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every row of every table of the JDBC ports ({@code mt_*}), with every column, read straight
 * from the database: what two runs are compared by, row for row.
 *
 * @param tables the rows of each table, by table name; each row is its column values in column
 *     order, the rows sorted by all columns
 * @param keyColumns how many leading columns of each table form its primary key
 * @param columns the column names of each table
 */
record DatabaseDump(Map<String, List<List<Object>>> tables, Map<String, Integer> keyColumns,
    Map<String, List<String>> columns) {

  /** The tables that hold the sync cursors. */
  static final List<String> CURSOR_TABLES = List.of("MT_SYNC_CURSOR", "MT_SYNC_CURSOR_VISIT");

  /**
   * Reads every {@code mt_*} table.
   *
   * @param source the database (not a faulty one)
   * @return the dump
   */
  static DatabaseDump of(ConnectionSource source) {
    Map<String, List<List<Object>>> tables = new TreeMap<>();
    Map<String, Integer> keys = new TreeMap<>();
    Map<String, List<String>> columns = new TreeMap<>();
    try (Connection connection = source.open()) {
      DatabaseMetaData meta = connection.getMetaData();
      List<String> names = new ArrayList<>();
      try (ResultSet rows = meta.getTables(null, null, "MT_%", new String[] {"TABLE", "BASE TABLE"})) {
        while (rows.next()) {
          names.add(rows.getString("TABLE_NAME"));
        }
      }
      for (String table : names) {
        List<String> keyNames = new ArrayList<>();
        try (ResultSet rows = meta.getPrimaryKeys(null, null, table)) {
          Map<Integer, String> byPosition = new TreeMap<>();
          while (rows.next()) {
            byPosition.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
          }
          keyNames.addAll(byPosition.values());
        }
        read(connection, table, keyNames, tables, columns);
        keys.put(table, keyNames.size());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot dump the database: " + e.getMessage(), e);
    }
    return new DatabaseDump(tables, keys, columns);
  }

  private static void read(Connection connection, String table, List<String> keyNames,
      Map<String, List<List<Object>>> tables, Map<String, List<String>> columns)
      throws SQLException {
    List<String> all = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData meta = rows.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        all.add(meta.getColumnName(i));
      }
    }
    // Key columns first, then the others in table order.
    List<String> ordered = new ArrayList<>(keyNames);
    all.stream().filter(c -> !keyNames.contains(c)).forEach(ordered::add);
    String sql = "SELECT " + String.join(", ", ordered) + " FROM " + table + " ORDER BY "
        + String.join(", ", ordered);
    List<List<Object>> result = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        List<Object> row = new ArrayList<>(ordered.size());
        for (int i = 1; i <= ordered.size(); i++) {
          row.add(rows.getObject(i));
        }
        result.add(Collections.unmodifiableList(row));
      }
    }
    tables.put(table, List.copyOf(result));
    columns.put(table, List.copyOf(ordered));
  }

  /** The rows of a table. */
  List<List<Object>> rows(String table) {
    return tables.getOrDefault(table.toUpperCase(Locale.ROOT), List.of());
  }

  /** The differences of one table between a reference and another database. */
  record TableDiff(String table, List<List<Object>> missing, List<List<Object>> extra,
      List<List<Object>> changedFrom, List<List<Object>> changedTo) {

    boolean isEmpty() {
      return missing.isEmpty() && extra.isEmpty() && changedFrom.isEmpty();
    }

    /** Rows of the reference that are absent (lost), by primary key. */
    int lost() {
      return missing.size();
    }

    /** Rows absent from the reference (duplicated or invented), by primary key. */
    int duplicated() {
      return extra.size();
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(table).append(": ").append(missing.size())
          .append(" missing, ").append(extra.size()).append(" extra, ")
          .append(changedFrom.size()).append(" changed");
      missing.stream().limit(5).forEach(r -> text.append("\n    missing ").append(r));
      extra.stream().limit(5).forEach(r -> text.append("\n    extra   ").append(r));
      for (int i = 0; i < Math.min(5, changedFrom.size()); i++) {
        text.append("\n    changed ").append(changedFrom.get(i)).append("\n         to ")
            .append(changedTo.get(i));
      }
      return text.toString();
    }
  }

  /**
   * Compares this database (the one put through faults) with a reference, table by table and
   * row by row: rows are matched by primary key, and a matched row must be equal in every column.
   *
   * @param reference the undisturbed database
   * @return the tables that differ
   */
  List<TableDiff> diff(DatabaseDump reference) {
    List<TableDiff> diffs = new ArrayList<>();
    TreeMap<String, Boolean> names = new TreeMap<>();
    reference.tables.keySet().forEach(t -> names.put(t, true));
    tables.keySet().forEach(t -> names.put(t, true));
    for (String table : names.keySet()) {
      int key = reference.keyColumns.getOrDefault(table, keyColumns.getOrDefault(table, 0));
      Map<List<Object>, List<Object>> expected = byKey(reference.rows(table), key);
      Map<List<Object>, List<Object>> actual = byKey(rows(table), key);
      List<List<Object>> missing = new ArrayList<>();
      List<List<Object>> extra = new ArrayList<>();
      List<List<Object>> from = new ArrayList<>();
      List<List<Object>> to = new ArrayList<>();
      expected.forEach((k, row) -> {
        List<Object> other = actual.get(k);
        if (other == null) {
          missing.add(row);
        } else if (!Objects.equals(row, other)) {
          from.add(row);
          to.add(other);
        }
      });
      actual.forEach((k, row) -> {
        if (!expected.containsKey(k)) {
          extra.add(row);
        }
      });
      TableDiff diff = new TableDiff(table, missing, extra, from, to);
      if (!diff.isEmpty()) {
        diffs.add(diff);
      }
    }
    return diffs;
  }

  private static Map<List<Object>, List<Object>> byKey(List<List<Object>> rows, int key) {
    Map<List<Object>, List<Object>> map = new LinkedHashMap<>();
    for (List<Object> row : rows) {
      List<Object> k = key == 0 ? row : row.subList(0, key);
      if (map.put(k, row) != null) {
        throw new IllegalStateException("two rows with the key " + k);
      }
    }
    return map;
  }
}

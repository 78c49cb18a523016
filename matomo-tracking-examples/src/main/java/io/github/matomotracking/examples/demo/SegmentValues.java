package io.github.matomotracking.examples.demo;

import io.github.matomotracking.model.Nullable;
import java.util.Locale;

/**
 * How a segment condition compares with a stored value, the way the SQL Matomo generates
 * compares: {@code !=} and {@code !@} also match a missing value ({@code IS NULL OR ...}), the
 * other operators never do; ordering operators compare numbers when both sides are numbers.
 * Text columns such as {@code user_id} use MySQL's default case-insensitive collation; the
 * binary {@code idvisitor} column is compared as lower-case hex.
 */
final class SegmentValues {

  private SegmentValues() {}

  static boolean matches(@Nullable String actual, SegmentParser.Condition condition, boolean caseInsensitive) {
    String wanted = condition.value();
    String stored = actual;
    if (caseInsensitive || condition.name().equals("visitorId")) {
      wanted = wanted.toLowerCase(Locale.ROOT);
      stored = stored == null ? null : stored.toLowerCase(Locale.ROOT);
    }
    switch (condition.operator()) {
      case SegmentParser.IS_NULL_OR_EMPTY:
        return stored == null || stored.isEmpty();
      case SegmentParser.IS_NOT_NULL_NOR_EMPTY:
        return stored != null && !stored.isEmpty();
      case "==":
        return stored != null && stored.equals(wanted);
      case "!=":
        return stored == null || !stored.equals(wanted);
      case "=@":
        return stored != null && stored.contains(wanted);
      case "!@":
        return stored == null || !stored.contains(wanted);
      case "=^":
        return stored != null && stored.startsWith(wanted);
      case "=$":
        return stored != null && stored.endsWith(wanted);
      default:
        return stored != null && ordered(stored, wanted, condition.operator());
    }
  }

  private static boolean ordered(String stored, String wanted, String operator) {
    int comparison;
    if (stored.matches("-?\\d{1,18}") && wanted.matches("-?\\d{1,18}")) {
      comparison = Long.compare(Long.parseLong(stored), Long.parseLong(wanted));
    } else {
      comparison = stored.compareTo(wanted);
    }
    switch (operator) {
      case ">":
        return comparison > 0;
      case ">=":
        return comparison >= 0;
      case "<":
        return comparison < 0;
      case "<=":
        return comparison <= 0;
      default:
        throw new IllegalArgumentException("not a segment operator: " + operator);
    }
  }
}

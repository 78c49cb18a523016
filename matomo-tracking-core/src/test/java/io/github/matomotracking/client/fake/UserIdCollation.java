package io.github.matomotracking.client.fake;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the fake compares a {@code userId} condition with the stored userId. Matomo compares in
 * MySQL, where {@code log_visit.user_id} is a VARCHAR under the table's collation; Matomo's
 * default ({@code utf8mb4_general_ci}, or {@code utf8mb3_general_ci} on older installs) ignores
 * case, most accents and trailing spaces. The visitorId column is binary and always exact.
 */
public enum UserIdCollation {

  /** Byte-exact comparison, as a {@code _bin} collation does. */
  BINARY {
    @Override
    public boolean same(String stored, String asked) {
      return stored.equals(asked);
    }
  },

  /**
   * An approximation of MySQL's {@code utf8mb4_general_ci}: case-insensitive, accents of
   * decomposable letters ignored, trailing spaces ignored (PAD SPACE). Good enough to show that a
   * server may hand back visits of a userId that only looks like the one asked for.
   */
  MYSQL_GENERAL_CI {
    @Override
    public boolean same(String stored, String asked) {
      return key(stored).equals(key(asked));
    }
  };

  /**
   * Whether a stored userId matches the asked one under this collation.
   *
   * @param stored the visit's userId, not null
   * @param asked the condition's value
   * @return true when the database would call them equal
   */
  public abstract boolean same(String stored, String asked);

  /**
   * Whether a stored userId counts as empty ({@code userId==} with no value matches it).
   *
   * @param stored the visit's userId, or null
   * @return true for null, and for what this collation treats as equal to ""
   */
  public boolean isEmpty(String stored) {
    return stored == null || same(stored, "");
  }

  private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

  private static String key(String text) {
    return KEYS.computeIfAbsent(text, UserIdCollation::computeKey);
  }

  private static String computeKey(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    String decomposed = Normalizer.normalize(text.substring(0, end), Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{Mn}+", "").toUpperCase(Locale.ROOT);
  }
}

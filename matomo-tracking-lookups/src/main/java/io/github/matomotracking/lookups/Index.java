package io.github.matomotracking.lookups;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The entries of one lookup in hash maps: by id (when the kind has ids) and by key. Never
 * changed after construction; {@link #plus} copies. Entries keep the order they were added in.
 *
 * @param <T> the entry type
 */
final class Index<T> {

  /** What the index holds and how to find its ids and keys. */
  record Kind<T>(String name, Function<T, String> idOf, String keyName,
      Function<T, Object> keyOf, boolean uniqueKey) {}

  private final Kind<T> kind;
  private final Map<String, T> byId;
  private final Map<Object, T> byKey;

  private Index(Kind<T> kind, Map<String, T> byId, Map<Object, T> byKey) {
    this.kind = kind;
    this.byId = byId;
    this.byKey = byKey;
  }

  /** An index of the given entries; a repeated id, or a repeated unique key, is an error. */
  static <T> Index<T> of(Kind<T> kind, Collection<? extends T> rows) {
    return new Index<>(kind, kind.idOf() == null ? Map.of() : new HashMap<>(0),
        new HashMap<>(0)).plus(rows);
  }

  /** A copy of this index with the given entries added; same rules as {@link #of}. */
  Index<T> plus(Collection<? extends T> rows) {
    int expected = size() + rows.size();
    Map<String, T> ids = kind.idOf() == null ? Map.of() : copy(byId, expected);
    Map<Object, T> keys = copy(byKey, expected);
    for (T row : rows) {
      if (kind.idOf() != null) {
        String id = kind.idOf().apply(row);
        T before = ids.putIfAbsent(id, row);
        if (before != null) {
          throw new IllegalArgumentException(
              "two " + kind.name() + " entries have the id '" + id + "': " + before + " and " + row);
        }
      }
      Object key = kind.keyOf().apply(row);
      T before = keys.putIfAbsent(key, row);
      if (before != null && kind.uniqueKey()) {
        throw new IllegalArgumentException("two " + kind.name() + " entries have the "
            + kind.keyName() + " " + describe(key) + ": " + before + " and " + row);
      }
    }
    return new Index<>(kind, ids, keys);
  }

  private static <K, V> Map<K, V> copy(Map<K, V> from, int expected) {
    // LinkedHashMap keeps the entries in the order they were added.
    Map<K, V> to = new LinkedHashMap<>(Math.max(16, (int) (expected / 0.75f) + 1));
    to.putAll(from);
    return to;
  }

  private static String describe(Object key) {
    return key instanceof String ? "'" + key + "'" : String.valueOf(key);
  }

  /** The entry with this id, or null. */
  T byId(String id) {
    return id == null ? null : byId.get(id);
  }

  /** The entry with this (normalised) key, or null; for non-unique keys the first one added. */
  T byKey(Object key) {
    return key == null ? null : byKey.get(key);
  }

  /** Whether an entry has this id. */
  boolean containsId(String id) {
    return byId.containsKey(id);
  }

  /** Whether an entry has this (normalised) key. */
  boolean containsKey(Object key) {
    return byKey.containsKey(key);
  }

  /** Every entry, in the order added. */
  Collection<T> values() {
    return Collections.unmodifiableCollection(
        kind.idOf() == null ? byKey.values() : byId.values());
  }

  /** How many entries. */
  int size() {
    return kind.idOf() == null ? byKey.size() : byId.size();
  }
}

package io.github.matomotracking.port;

import io.github.matomotracking.mapping.LookupSnapshot;
import io.github.matomotracking.model.LookupAddition;
import java.util.Collection;

/**
 * The host's lookups: read a consistent snapshot to map against, and add the entries the mapper
 * found missing. Implementations must be safe to call from several threads.
 */
public interface LookupRepository {

  /** A snapshot of the current lookups, including every addition applied so far. */
  LookupSnapshot snapshot();

  /**
   * Adds the given entries. Idempotent: an entry whose id (or key) already exists is left as it
   * is. When this returns normally every entry is stored.
   */
  void apply(Collection<LookupAddition> additions);
}

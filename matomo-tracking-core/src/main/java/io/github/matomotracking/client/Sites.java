package io.github.matomotracking.client;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The Matomo sites a query covers: some, by id, or all the token can view. */
public final class Sites {

  private static final Sites ALL = new Sites(List.of());

  private final List<Long> ids;

  private Sites(List<Long> ids) {
    this.ids = ids;
  }

  /**
   * The given sites.
   *
   * @param ids site ids ({@code idSite}), each at least 1; duplicates are dropped
   * @return the sites
   * @throws IllegalArgumentException when no id is given or one is below 1
   */
  public static Sites of(long... ids) {
    if (ids == null || ids.length == 0) {
      throw new IllegalArgumentException("Sites.of needs at least one site id (or use Sites.all())");
    }
    for (long id : ids) {
      if (id < 1) {
        throw new IllegalArgumentException("a Matomo site id is at least 1, got " + id);
      }
    }
    return new Sites(Arrays.stream(ids).distinct().boxed().collect(Collectors.toUnmodifiableList()));
  }

  /**
   * Every site the token has at least view access to, looked up when the query runs.
   *
   * @return all sites
   */
  public static Sites all() {
    return ALL;
  }

  /**
   * Whether this means every viewable site.
   *
   * @return true for {@link #all()}
   */
  public boolean isAll() {
    return ids.isEmpty();
  }

  /**
   * The site ids; empty for {@link #all()}.
   *
   * @return the ids in the order given
   */
  public List<Long> ids() {
    return ids;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Sites && ((Sites) other).ids.equals(ids);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ids);
  }

  @Override
  public String toString() {
    return isAll() ? "Sites[all]" : "Sites" + ids;
  }
}

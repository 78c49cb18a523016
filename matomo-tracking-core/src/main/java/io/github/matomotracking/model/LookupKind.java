package io.github.matomotracking.model;

/** The lookups the mapper may add entries to ("add if missing"). */
public enum LookupKind {
  /** Web referrer types, keyed by Matomo's referrerType code. */
  REFERRER_TYPE("referrer-type"),
  /** Web tracking action types, keyed by Matomo's action type code. */
  ACTION_TYPE("action-type"),
  /** Web pages, keyed by (name, URL without query). */
  WEB_PAGE("web-page");

  private final String wireName;

  LookupKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in JSON output, such as {@code web-page}. */
  public String wireName() {
    return wireName;
  }
}

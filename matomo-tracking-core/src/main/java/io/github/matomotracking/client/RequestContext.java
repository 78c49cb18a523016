package io.github.matomotracking.client;

/**
 * What a request is about, for logs, listener events and exception messages (never the token).
 *
 * @param apiMethod the Matomo API method
 * @param siteId the site, or -1
 * @param page the page within a query, or 0
 * @param attempt 1 for the first try
 */
record RequestContext(String apiMethod, long siteId, int page, int attempt) {

  RequestContext withAttempt(int next) {
    return new RequestContext(apiMethod, siteId, page, next);
  }

  /** A short description for messages, such as {@code Live.getLastVisitsDetails (site 3, page 2)}. */
  String describe() {
    StringBuilder text = new StringBuilder(apiMethod);
    if (siteId >= 0 || page > 0) {
      text.append(" (");
      if (siteId >= 0) {
        text.append("site ").append(siteId);
      }
      if (page > 0) {
        text.append(siteId >= 0 ? ", " : "").append("page ").append(page);
      }
      text.append(')');
    }
    return text.toString();
  }
}

/**
 * Attack suites run against the client as a whole: segment injection through userIds and
 * visitorIds, judged by a fake Matomo that evaluates segments the way Matomo does; a hunt for the
 * token in every text the client produces; and redirects or plain HTTP that would carry the
 * token elsewhere. Results are summarised in {@code docs/reliability.md}.
 */
package io.github.matomotracking.security;

package io.github.matomotracking.hostile;

/**
 * The well-formed visit that surrounds the hostile part of many corpus bodies: site 1 (zone
 * Europe/Berlin in the corpus run, so its action times need no fallback), one page view, every
 * value usable, so reading and mapping it raise no warning.
 */
final class GoodVisits {

  private GoodVisits() {}

  /** The JSON of the good visit with this idVisit. */
  static String json(long visitId) {
    return "{\"idSite\":1,\"idVisit\":" + visitId + ",\"visitorId\":\"5ae8a8b5c0f7e2d1\","
        + "\"firstActionTimestamp\":1700000000,\"lastActionTimestamp\":1700000060,"
        + "\"visitDuration\":60,\"actions\":1,\"countryCode\":\"fr\",\"country\":\"France\","
        + "\"regionCode\":\"IDF\",\"city\":\"Paris\",\"referrerType\":\"search\","
        + "\"referrerName\":\"Google\",\"referrerKeyword\":\"Keyword not defined\","
        + "\"referrerUrl\":\"https:\\/\\/www.google.com\\/\",\"actionDetails\":["
        + "{\"type\":\"action\",\"url\":\"https:\\/\\/shop.example.com\\/\",\"pageTitle\":\"Home\","
        + "\"idpageview\":\"aaaaaa\",\"pageIdAction\":\"1\",\"timestamp\":1700003600,"
        + "\"timeSpent\":60}]}";
  }
}

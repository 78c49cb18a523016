package io.github.matomotracking.hostile;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A large, valid {@code Live.getLastVisitsDetails} body produced visit by visit as it is read,
 * never held: about 2 KB per visit of varied content (texts in several scripts and emoji, five
 * actions of five types, numbers as JSON numbers and as texts in turn, three sites with known
 * zones), until the wanted size is reached. Every visit reads and maps without a warning.
 */
final class LargeResponse extends InputStream {

  private static final String[] CITIES = {
    "Paris", "Z\u00fcrich", "\u6771\u4eac", "\u0627\u0644\u0642\u0627\u0647\u0631\u0629",
    "S\u00e3o Paulo", "Krak\u00f3w", "\u05ea\u05dc \u05d0\u05d1\u05d9\u05d1"
  };
  private static final String[] COUNTRIES = {"fr", "ch", "jp", "eg", "br", "pl", "il"};
  private static final String[] REFERRER_TYPES = {
    "direct", "search", "website", "campaign", "social", "ai-assistant"
  };
  private static final String[] ACTION_TYPES = {"action", "download", "outlink", "event", "goal"};
  /** UTC offsets of sites 1 (Europe/Berlin in November), 2 (UTC) and 3 (UTC+5.5). */
  private static final int[] SITE_OFFSETS = {3600, 0, 19800};

  private final long targetBytes;
  private long produced;
  private int visits;
  private boolean closed;
  private byte[] chunk = "[".getBytes(StandardCharsets.UTF_8);
  private int inChunk;

  LargeResponse(long targetBytes) {
    this.targetBytes = targetBytes;
  }

  /** Visits produced so far (all of them once the body was read to its end). */
  int visitsProduced() {
    return visits;
  }

  /** Bytes produced so far. */
  long bytesProduced() {
    return produced;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (inChunk == chunk.length && !advance()) {
      return -1;
    }
    int n = Math.min(length, chunk.length - inChunk);
    System.arraycopy(chunk, inChunk, buffer, offset, n);
    inChunk += n;
    produced += n;
    return n;
  }

  private boolean advance() {
    if (closed) {
      return false;
    }
    if (produced >= targetBytes) {
      closed = true;
      chunk = "]".getBytes(StandardCharsets.UTF_8);
    } else {
      chunk = ((visits == 0 ? "" : ",\n") + visit(visits)).getBytes(StandardCharsets.UTF_8);
      visits++;
    }
    inChunk = 0;
    return true;
  }

  /** The JSON of visit {@code i}. */
  static String visit(int i) {
    boolean texts = i % 2 == 0;
    int site = 1 + i % 3;
    long first = 1_700_000_000L + i;
    long shifted = first + SITE_OFFSETS[site - 1];
    StringBuilder json = new StringBuilder(2200);
    json.append("{\"idSite\":").append(number(site, texts))
        .append(",\"idVisit\":").append(number(i + 1, texts))
        .append(",\"visitorId\":\"").append(String.format("%016x", 0x5ae8a8b5c0f70000L + i))
        .append("\",\"userId\":").append(i % 4 == 0 ? "\"contact-" + i + "\"" : "null")
        .append(",\"fingerprint\":false,\"visitIp\":\"192.0.2.").append(i % 250)
        .append("\",\"firstActionTimestamp\":").append(first)
        .append(",\"lastActionTimestamp\":").append(first + 40)
        .append(",\"visitDuration\":").append(number(40, texts))
        .append(",\"actions\":").append(number(5, texts))
        .append(",\"countryCode\":\"").append(COUNTRIES[i % COUNTRIES.length])
        .append("\",\"city\":\"").append(CITIES[i % CITIES.length])
        .append("\",\"latitude\":").append(texts ? "\"48.924000\"" : "48.924")
        .append(",\"longitude\":").append(texts ? "\"2.350000\"" : "2.35")
        .append(",\"referrerType\":\"").append(REFERRER_TYPES[i % REFERRER_TYPES.length])
        .append("\",\"referrerName\":\"Referrer \u00b7 ").append(i % 97)
        .append("\",\"referrerKeyword\":\"Keyword not defined\"")
        .append(",\"referrerUrl\":\"https:\\/\\/m.example").append(i % 31).append(".com\\/r?x=")
        .append(i).append("\",\"campaignSource\":\"").append(i % 5 == 0 ? "newsletter" : "")
        .append("\",\"campaignMedium\":\"").append(i % 5 == 0 ? "email" : "")
        .append("\",\"operatingSystemName\":\"Android\",\"operatingSystemVersion\":\"14\"")
        .append(",\"deviceType\":\"Smartphone\",\"deviceBrand\":\"Google\",\"deviceModel\":\"Pixel ")
        .append(i % 9).append("\",\"browserName\":\"Chrome Mobile\",\"languageCode\":\"de-de\"")
        .append(",\"customVariables\":").append(texts ? "[]" : "{\"1\":{\"customVariableName1\":"
            + "\"tier\",\"customVariableValue1\":\"gold\"}}")
        .append(",\"actionDetails\":[");
    for (int k = 0; k < ACTION_TYPES.length; k++) {
      json.append(k == 0 ? "" : ",").append("{\"type\":\"").append(ACTION_TYPES[k])
          .append("\",\"url\":\"https:\\/\\/shop.example.com\\/p\\/").append(i % 5000).append('/')
          .append(k).append("?utm_source=x&q=").append(i).append("\",\"pageTitle\":\"Produkt ")
          .append(i % 5000).append(" \u2013 \u03a9 \ud83d\ude00\",\"idpageview\":\"")
          .append(Integer.toString(i * 5 + k + 1_000_000, 36)).append("\",\"pageIdAction\":")
          .append(number(i % 5000 * 5 + k, texts)).append(",\"timestamp\":")
          .append(shifted + k * 10L).append(",\"timeSpent\":").append(number(10, texts))
          .append(",\"generationTimeMilliseconds\":").append(120 + k)
          .append(",\"subtitle\":\"https:\\/\\/shop.example.com\\/p\\/").append(i % 5000)
          .append("\",\"icon\":null}");
    }
    return json.append("]}").toString();
  }

  private static String number(long value, boolean asText) {
    return asText ? "\"" + value + "\"" : Long.toString(value);
  }
}

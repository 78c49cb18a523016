package io.github.matomotracking.client;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@code Live.getLastVisitsDetails} body of any number of visits, produced visit by visit as it
 * is read (never held whole), counting the bytes handed out.
 */
final class GeneratedResponse extends InputStream {

  private final int visits;
  private int nextVisit;
  private byte[] chunk = "[".getBytes(StandardCharsets.UTF_8);
  private int inChunk;
  private long bytesRead;
  private boolean ended;

  GeneratedResponse(int visits) {
    this.visits = visits;
  }

  /** The JSON of visit {@code i}: ids from i, two actions, numbers as texts every other visit. */
  static String visit(int i) {
    String id = (i % 2 == 0) ? "\"" + (i + 1) + "\"" : Integer.toString(i + 1);
    return "{\"idSite\":1,\"idVisit\":" + id + ",\"visitorId\":\"5ae8a8b5c0f7e2d1\","
        + "\"firstActionTimestamp\":" + (1700000000 + i) + ",\"visitDuration\":\"42\","
        + "\"countryCode\":\"de\",\"city\":\"Berlin\",\"referrerType\":\"search\","
        + "\"referrerName\":\"Google\",\"actionDetails\":["
        + "{\"type\":\"action\",\"url\":\"https:\\/\\/shop.example.com\\/p" + i + "\","
        + "\"pageIdAction\":\"12\",\"idpageview\":\"abc123\",\"timeSpent\":30,\"timestamp\":"
        + (1700000000 + i) + "},"
        + "{\"type\":\"outlink\",\"url\":\"https:\\/\\/other.example\\/\",\"timeSpent\":null}]}";
  }

  long bytesRead() {
    return bytesRead;
  }

  /** Whether the last byte was handed out. */
  boolean ended() {
    return ended;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (inChunk == chunk.length && !advance()) {
      ended = true;
      return -1;
    }
    int n = Math.min(length, chunk.length - inChunk);
    System.arraycopy(chunk, inChunk, buffer, offset, n);
    inChunk += n;
    bytesRead += n;
    return n;
  }

  private boolean advance() {
    if (nextVisit > visits) {
      return false;
    }
    String text;
    if (nextVisit == visits) {
      text = "]";
    } else {
      text = (nextVisit == 0 ? "" : ",") + visit(nextVisit);
    }
    nextVisit++;
    chunk = text.getBytes(StandardCharsets.UTF_8);
    inChunk = 0;
    return true;
  }
}

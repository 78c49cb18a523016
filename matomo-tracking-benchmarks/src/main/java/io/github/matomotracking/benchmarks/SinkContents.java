package io.github.matomotracking.benchmarks;

import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.model.WebAction;
import io.github.matomotracking.port.InMemorySessionSink;
import io.github.matomotracking.port.StoredSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a sink holds, in a canonical form: per stored visit (ordered by site and visit id) one
 * text with its owner, every field of its session and every field of its actions (in the
 * stores' action order), and a SHA-256 digest over all of them. Two sinks with equal contents
 * hold the same rows.
 *
 * @param rows the canonical text of each stored visit, by key
 * @param actions how many actions are stored
 * @param digest the SHA-256 of the rows, hexadecimal
 */
public record SinkContents(Map<VisitKey, String> rows, long actions, String digest) {

  private static final Comparator<VisitKey> ORDER =
      Comparator.comparingLong(VisitKey::siteId).thenComparingLong(VisitKey::visitId);

  /**
   * Reads a sink.
   *
   * @param sink the sink
   * @return its contents
   */
  public static SinkContents of(InMemorySessionSink sink) {
    Map<VisitKey, String> rows = new TreeMap<>(ORDER);
    long[] actions = {0};
    sink.forEach(stored -> {
      rows.put(stored.key(), canonical(stored));
      actions[0] += stored.actions().size();
    });
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    rows.values().forEach(row -> sha.update(row.getBytes(StandardCharsets.UTF_8)));
    return new SinkContents(rows, actions[0], HexFormat.of().formatHex(sha.digest()));
  }

  private static String canonical(StoredSession stored) {
    StringBuilder text = new StringBuilder(1024)
        .append(stored.contactId()).append('\n').append(stored.session()).append('\n');
    stored.actions().stream().sorted(StoredSession.ACTION_ORDER).map(WebAction::toString)
        .forEach(action -> text.append(action).append('\n'));
    return text.toString();
  }

  /**
   * How many visits are stored.
   *
   * @return the count
   */
  public int sessions() {
    return rows.size();
  }

  /**
   * Fails when the other contents differ, naming the first visit that differs.
   *
   * @param other the contents to compare with
   * @param what names the two sides in the message
   * @throws IllegalStateException when they differ
   */
  public void requireSameAs(SinkContents other, String what) {
    if (digest.equals(other.digest)) {
      return;
    }
    String first = "none found row by row (digests differ)";
    Iterator<Map.Entry<VisitKey, String>> mine = rows.entrySet().iterator();
    Iterator<Map.Entry<VisitKey, String>> theirs = other.rows.entrySet().iterator();
    while (mine.hasNext() || theirs.hasNext()) {
      Map.Entry<VisitKey, String> a = mine.hasNext() ? mine.next() : null;
      Map.Entry<VisitKey, String> b = theirs.hasNext() ? theirs.next() : null;
      if (a == null || b == null || !a.equals(b)) {
        first = (a == null ? "-" : a.getKey() + ":\n" + a.getValue()) + "\nagainst\n"
            + (b == null ? "-" : b.getKey() + ":\n" + b.getValue());
        break;
      }
    }
    throw new IllegalStateException("NOT the same stored result (" + what + "): " + sessions() + " sessions / "
        + actions + " actions against " + other.sessions() + " / " + other.actions + "; first difference: " + first);
  }
}

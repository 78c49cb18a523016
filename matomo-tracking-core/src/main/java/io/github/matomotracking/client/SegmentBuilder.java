package io.github.matomotracking.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the only segments this library sends: "any of these visitors / users", split into as
 * many segments as needed to stay under Matomo's length limit.
 *
 * <h2>How values are encoded, and why</h2>
 *
 * <p>Matomo 5 receives the {@code segment} POST parameter already form-decoded, then (core/Segment.php)
 * parses it twice, once URL-decoded and once as is, and keeps whichever gives more conditions
 * (the decoded one on a tie). Within the chosen string, core/Segment/SegmentExpression.php splits
 * on {@code ;} (AND) and {@code ,} (OR), URL-decodes each condition, splits it at its operator and
 * URL-decodes the value once more. A value that is URL-encoded only once can therefore
 * smuggle {@code ,userId==someone-else} into the decoded reading, which wins because it has more
 * conditions. This builder percent-encodes every value three times (every byte but
 * {@code A-Z a-z 0-9 - _ .}): neither reading then contains a delimiter that was not put there by
 * the builder, both have the same number of conditions, and the decoded reading, which Matomo
 * keeps, decodes each value back to exactly what was given.
 *
 * <h2>Length</h2>
 *
 * <p>Matomo silently cuts the definition at 8192 bytes (after its first URL-decoding, which only
 * shortens it). {@link #build()} keeps every definition at or under {@link #DEFAULT_MAX_LENGTH}
 * bytes, which leaves a margin, and also keeps room for the {@code ;visitId>n} condition the
 * client adds while paging through visits that share one second.
 */
public final class SegmentBuilder {

  /** The length at which Matomo cuts a segment definition ({@code Segment::SEGMENT_TRUNCATE_LIMIT}). */
  public static final int MATOMO_SEGMENT_LIMIT = 8192;

  /** The longest definition {@link #build()} produces: Matomo's limit less a margin of 192 bytes. */
  public static final int DEFAULT_MAX_LENGTH = MATOMO_SEGMENT_LIMIT - 192;

  /** Matomo's limit on a userId ({@code log_visit.user_id} is a VARCHAR(200)). */
  public static final int MAX_USER_ID_LENGTH = 200;

  static final String VISITOR_ID = "visitorId";
  static final String USER_ID = "userId";
  static final String VISIT_ID = "visitId";

  /** Room kept for {@code ;visitId>} and a 19-digit id. */
  static final int PAGING_RESERVE = (";" + VISIT_ID + ">").length() + 19;

  private static final String OR = ",";

  private final Set<String> conditions = new LinkedHashSet<>();

  private SegmentBuilder() {}

  /**
   * A builder of "any of" segments.
   *
   * @return an empty builder
   */
  public static SegmentBuilder anyOf() {
    return new SegmentBuilder();
  }

  /**
   * Adds {@code visitorId==id}.
   *
   * @param visitorId 16 hexadecimal characters (either case)
   * @return this builder
   * @throws IllegalArgumentException if the id is not exactly 16 hexadecimal characters
   */
  public SegmentBuilder visitorId(String visitorId) {
    conditions.add(VISITOR_ID + "==" + normalizeVisitorId(visitorId));
    return this;
  }

  /**
   * Adds {@code userId==id}, the value encoded so that it is matched literally.
   *
   * @param userId the userId the site set (for email clicks: the CRM contact id)
   * @return this builder
   * @throws IllegalArgumentException if the id is empty, blank or longer than 200 characters
   */
  public SegmentBuilder userId(String userId) {
    conditions.add(USER_ID + "==" + encodeValue(requireUserId(userId)));
    return this;
  }

  /**
   * Adds {@code visitorId==} the hash Matomo derives from this userId (see {@link #hashUserId}).
   * It uses Matomo's indexed visitorId column, but also matches other users whose ids hash alike
   * and misses visits when the server does not derive visitorIds from userIds; the client
   * filters the visits it receives accordingly.
   *
   * @param userId the userId
   * @return this builder
   * @throws IllegalArgumentException if the id is empty, blank or longer than 200 characters
   */
  public SegmentBuilder userIdViaVisitorId(String userId) {
    conditions.add(VISITOR_ID + "==" + hashUserId(requireUserId(userId)));
    return this;
  }

  /**
   * Whether no condition was added.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return conditions.isEmpty();
  }

  /**
   * The segments, each at most {@link #DEFAULT_MAX_LENGTH} bytes.
   *
   * @return the segments, in the order the conditions were added; empty when no condition
   */
  public List<Segment> build() {
    return build(DEFAULT_MAX_LENGTH);
  }

  /**
   * The segments, each at most {@code maxLength} bytes (including room for the paging condition).
   *
   * @param maxLength the longest definition wanted, in bytes
   * @return the segments, in the order the conditions were added; empty when no condition
   * @throws IllegalArgumentException if one condition alone does not fit
   */
  public List<Segment> build(int maxLength) {
    int budget = maxLength - PAGING_RESERVE;
    List<Segment> segments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int count = 0;
    for (String condition : conditions) {
      if (condition.length() > budget) {
        throw new IllegalArgumentException(
            "one segment condition needs " + condition.length() + " bytes, more than the "
                + budget + " available");
      }
      if (count > 0 && current.length() + OR.length() + condition.length() > budget) {
        segments.add(new Segment(current.toString(), count));
        current.setLength(0);
        count = 0;
      }
      if (count > 0) {
        current.append(OR);
      }
      current.append(condition);
      count++;
    }
    if (count > 0) {
      segments.add(new Segment(current.toString(), count));
    }
    return List.copyOf(segments);
  }

  /**
   * Checks a visitorId and returns it in lower case.
   *
   * @param visitorId the id
   * @return the id, lower case
   * @throws IllegalArgumentException if it is not exactly 16 hexadecimal characters; the message
   *     shows at most the first 24 characters of the value
   */
  public static String normalizeVisitorId(String visitorId) {
    if (visitorId == null) {
      throw new IllegalArgumentException("visitorId must be 16 hexadecimal characters, got null");
    }
    boolean valid = visitorId.length() == 16;
    for (int i = 0; valid && i < 16; i++) {
      valid = Character.digit(visitorId.charAt(i), 16) >= 0 && visitorId.charAt(i) < 128;
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "visitorId must be exactly 16 hexadecimal characters, got " + describe(visitorId));
    }
    return visitorId.toLowerCase(Locale.ROOT);
  }

  /**
   * Checks a userId for use in a segment.
   *
   * @param userId the id
   * @return the same id
   * @throws IllegalArgumentException if it is null, empty, blank (only white space) or longer
   *     than 200 characters
   */
  public static String requireUserId(String userId) {
    if (userId == null || userId.isEmpty()) {
      throw new IllegalArgumentException(
          "userId must not be empty (userId== would match every visit without a userId)");
    }
    if (LenientValues.isBlank(userId)) {
      throw new IllegalArgumentException("userId must not be blank, got " + describe(userId)
          + ": visits with a blank userId are read as having none, so none could match it exactly");
    }
    if (userId.codePointCount(0, userId.length()) > MAX_USER_ID_LENGTH) {
      throw new IllegalArgumentException(
          "userId is longer than Matomo's " + MAX_USER_ID_LENGTH + " characters: " + describe(userId));
    }
    return userId;
  }

  /**
   * The visitorId Matomo derives from a userId: the first 16 hexadecimal characters of the
   * SHA-1 of its UTF-8 bytes (core/Tracker/Request.php {@code getUserIdHashed}).
   *
   * @param userId the userId
   * @return 16 lower-case hexadecimal characters
   */
  public static String hashUserId(String userId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(userId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-1", e);
    }
  }

  /**
   * Encodes a segment value the way this builder does (three rounds of percent-encoding).
   *
   * @param value the literal value
   * @return the encoded value, ASCII letters, digits, {@code - _ . %} only
   */
  public static String encodeValue(String value) {
    return percentEncode(percentEncode(percentEncode(value)));
  }

  static String percentEncode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  /** A short, printable rendering of a rejected value. */
  static String describe(String value) {
    StringBuilder shown = new StringBuilder("\"");
    int limit = Math.min(value.length(), 24);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7F || Character.isSurrogate(c)) {
        shown.append(String.format("\\u%04x", (int) c));
      } else {
        shown.append(c);
      }
    }
    shown.append(value.length() > limit ? "...\"" : "\"");
    return shown + " (" + value.length() + " characters)";
  }
}

package io.github.matomotracking.client.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code segment} parameter the way Matomo 5 does (core/Segment.php and
 * core/Segment/SegmentExpression.php), so tests can see exactly which conditions a server would
 * apply:
 *
 * <ol>
 *   <li>The parameter arrives form-decoded and trimmed.
 *   <li>It is parsed twice: URL-decoded (only if that changes it) and as is. The reading with
 *       more conditions wins; on a tie (or when only the decoded one parses) the decoded one.
 *   <li>Each reading is cut at 8192 bytes, then {@code \x} escapes become {@code urlencode(x)},
 *       then it is split on {@code ;} (AND) and {@code ,} (OR) not followed by another delimiter
 *       or the end.
 *   <li>Each condition is URL-decoded, split by {@code ^(.+?)(operator)(.*)} (no newlines, as
 *       PCRE's dot), and its value URL-decoded once more. An empty value turns {@code ==} into
 *       "is null or empty" and {@code !=} into "is not null nor empty".
 *   <li>A name the server does not know makes the reading fail.
 * </ol>
 */
public final class MatomoSegmentParser {

  /** Matomo's cut ({@code Segment::SEGMENT_TRUNCATE_LIMIT}). */
  public static final int TRUNCATE_LIMIT = 8192;

  /** The operator Matomo uses for {@code name==} with an empty value. */
  public static final String IS_NULL_OR_EMPTY = "::NULL";

  /** The operator Matomo uses for {@code name!=} with an empty value. */
  public static final String IS_NOT_NULL_NOR_EMPTY = "::NOT_NULL";

  private static final Pattern OPERAND = Pattern.compile(
      "^([^\\n]+?)(==|!=|>=|>|<=|<|=@|!@|=\\^|=\\$)([^\\n]*)");
  private static final Pattern ESCAPE = Pattern.compile("\\\\([^\\n])");

  /**
   * One condition.
   *
   * @param name the segment name
   * @param operator the operator ({@code ==}, {@code >} ... or the null forms)
   * @param value the value as the server compares it, as UTF-8 text
   */
  public record Condition(String name, String operator, String value) {}

  /**
   * A parsed segment: AND of ORs.
   *
   * @param clauses each inner list is OR-ed, the lists are AND-ed
   * @param decodedReading whether Matomo kept the URL-decoded reading
   */
  public record Parsed(List<List<Condition>> clauses, boolean decodedReading) {

    /** All conditions, in order. */
    public List<Condition> conditions() {
      List<Condition> all = new ArrayList<>();
      clauses.forEach(all::addAll);
      return all;
    }
  }

  /** The segment was invalid for Matomo. */
  public static final class InvalidSegmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidSegmentException(String message) {
      super(message);
    }
  }

  private final Set<String> knownNames;

  /**
   * A parser for a server that knows these segment names.
   *
   * @param knownNames the supported segments
   */
  public MatomoSegmentParser(Set<String> knownNames) {
    this.knownNames = Set.copyOf(knownNames);
  }

  /**
   * Parses the {@code segment} value as PHP's {@code $_POST} holds it (form-decoded, as text).
   *
   * @param postValue the form-decoded parameter
   * @return the conditions Matomo would apply
   * @throws InvalidSegmentException when Matomo would reject it
   */
  public Parsed parse(String postValue) {
    String condition = Php.trim(Php.bytes(postValue));
    String decoded = Php.urldecode(condition);
    int decodedCount = 0;
    if (!decoded.equals(condition)) {
      decodedCount = countOrZero(decoded);
    }
    int rawCount = countOrZero(condition);
    if (rawCount > decodedCount) {
      return new Parsed(initialize(condition), false);
    }
    return new Parsed(initialize(decoded), true);
  }

  private int countOrZero(String segment) {
    try {
      return initialize(segment).stream().mapToInt(List::size).sum();
    } catch (InvalidSegmentException e) {
      return 0;
    }
  }

  private List<List<Condition>> initialize(String segment) {
    String cut = segment.length() > TRUNCATE_LIMIT ? segment.substring(0, TRUNCATE_LIMIT) : segment;
    List<List<Condition>> tree = new ArrayList<>();
    for (List<String> ors : parseTree(cut)) {
      List<Condition> clause = new ArrayList<>();
      for (String operand : ors) {
        Condition parsed = parseOperand(operand);
        if (!knownNames.contains(parsed.name())) {
          throw new InvalidSegmentException("Segment '" + parsed.name() + "' is not a supported segment.");
        }
        clause.add(parsed);
      }
      tree.add(clause);
    }
    return tree;
  }

  private static List<List<String>> parseTree(String segment) {
    String text = Php.trim(segment);
    List<List<String>> tree = new ArrayList<>();
    if (text.isEmpty() || text.equals("0")) {
      return tree;
    }
    Matcher escapes = ESCAPE.matcher(text);
    StringBuilder unescaped = new StringBuilder();
    while (escapes.find()) {
      escapes.appendReplacement(unescaped, Matcher.quoteReplacement(Php.urlencode(escapes.group(1))));
    }
    escapes.appendTail(unescaped);
    for (String and : unescaped.toString().split(";(?![;,]|$)", -1)) {
      tree.add(List.of(and.split(",(?![;,]|$)", -1)));
    }
    return tree;
  }

  private static Condition parseOperand(String operand) {
    String decoded = Php.urldecode(operand);
    Matcher m = OPERAND.matcher(decoded);
    if (!m.find()) {
      throw new InvalidSegmentException("The segment condition '" + Php.utf8(decoded) + "' is not valid.");
    }
    String name = m.group(1);
    String operator = m.group(2);
    String value = Php.urldecode(m.group(3));
    if (value.isEmpty()) {
      if (operator.equals("!=")) {
        operator = IS_NOT_NULL_NOR_EMPTY;
      } else if (operator.equals("==")) {
        operator = IS_NULL_OR_EMPTY;
      } else {
        throw new InvalidSegmentException("The segment '" + Php.utf8(decoded) + "' has no value specified.");
      }
    }
    return new Condition(Php.utf8(name), operator, Php.utf8(value));
  }
}

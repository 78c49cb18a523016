package io.github.matomotracking.examples.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code segment} parameter the way Matomo 5 does (core/Segment.php,
 * core/Segment/SegmentExpression.php), so that the demo server applies exactly the conditions a
 * real server would, including the ones a badly encoded value smuggles in.
 *
 * <ol>
 *   <li>The request value (form-decoded already) is trimmed, then read twice: URL-decoded once,
 *       and as it is. The reading with more conditions wins; on a tie the decoded one.
 *   <li>Each reading is cut at {@value #TRUNCATE_LIMIT} bytes; a backslash escape {@code \x}
 *       becomes {@code urlencode(x)}; the text is split into AND groups at {@code ;} and each
 *       group into OR conditions at {@code ,}, a delimiter counting only when neither another
 *       delimiter nor the end follows it.
 *   <li>Each condition is URL-decoded, split into name, operator and value at the first operator
 *       (no line breaks, like PCRE's dot), and the value URL-decoded once more. An empty value
 *       makes {@code ==} "is null or empty" and {@code !=} "is neither"; other operators need a
 *       value.
 *   <li>A name the server does not support invalidates the reading.
 * </ol>
 */
final class SegmentParser {

  /** Matomo's cut ({@code Segment::SEGMENT_TRUNCATE_LIMIT}). */
  static final int TRUNCATE_LIMIT = 8192;

  /** The operator for {@code name==} with an empty value. */
  static final String IS_NULL_OR_EMPTY = "::NULL";

  /** The operator for {@code name!=} with an empty value. */
  static final String IS_NOT_NULL_NOR_EMPTY = "::NOT_NULL";

  private static final Pattern CONDITION = Pattern.compile("^([^\\n]+?)(==|!=|>=|>|<=|<|=@|!@|=\\^|=\\$)([^\\n]*)");
  private static final Pattern ESCAPE = Pattern.compile("\\\\([^\\n])");
  private static final Pattern AND = Pattern.compile(";(?![;,]|$)");
  private static final Pattern OR = Pattern.compile(",(?![;,]|$)");

  /**
   * One condition.
   *
   * @param name the segment name
   * @param operator {@code ==}, {@code !=}, {@code >} ... or one of the null forms
   * @param value the compared value, as text
   */
  record Condition(String name, String operator, String value) {}

  /** Matomo would refuse the segment; the message is Matomo's. */
  static final class InvalidSegmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidSegmentException(String message) {
      super(message);
    }
  }

  private final Set<String> supported;

  SegmentParser(Set<String> supported) {
    this.supported = Set.copyOf(supported);
  }

  /**
   * The conditions Matomo would apply: a list of AND groups, each a list of OR-ed conditions.
   *
   * @param value the {@code segment} request value, as byte text
   * @return the groups; empty for an empty segment
   * @throws InvalidSegmentException when Matomo would refuse it
   */
  List<List<Condition>> parse(String value) {
    String raw = PhpText.trim(value);
    String decoded = PhpText.urldecode(raw);
    int decodedCount = count(decoded);
    int rawCount = decoded.equals(raw) ? decodedCount : count(raw);
    return rawCount > decodedCount ? read(raw) : read(decoded);
  }

  private int count(String reading) {
    try {
      return read(reading).stream().mapToInt(List::size).sum();
    } catch (InvalidSegmentException e) {
      return 0;
    }
  }

  private List<List<Condition>> read(String reading) {
    String text = PhpText.trim(reading.length() > TRUNCATE_LIMIT ? reading.substring(0, TRUNCATE_LIMIT) : reading);
    List<List<Condition>> groups = new ArrayList<>();
    if (text.isEmpty() || text.equals("0")) {
      return groups;
    }
    Matcher escapes = ESCAPE.matcher(text);
    StringBuilder unescaped = new StringBuilder();
    while (escapes.find()) {
      escapes.appendReplacement(unescaped, Matcher.quoteReplacement(PhpText.urlencode(escapes.group(1))));
    }
    escapes.appendTail(unescaped);
    for (String group : AND.split(unescaped, -1)) {
      List<Condition> ors = new ArrayList<>();
      for (String condition : OR.split(group, -1)) {
        ors.add(condition(condition));
      }
      groups.add(ors);
    }
    return groups;
  }

  private Condition condition(String text) {
    String decoded = PhpText.urldecode(text);
    Matcher m = CONDITION.matcher(decoded);
    if (!m.find()) {
      throw new InvalidSegmentException("The segment condition '" + PhpText.utf8(decoded) + "' is not valid.");
    }
    String name = PhpText.utf8(m.group(1));
    String operator = m.group(2);
    String value = PhpText.urldecode(m.group(3));
    if (value.isEmpty()) {
      if (operator.equals("==")) {
        operator = IS_NULL_OR_EMPTY;
      } else if (operator.equals("!=")) {
        operator = IS_NOT_NULL_NOR_EMPTY;
      } else {
        throw new InvalidSegmentException("The segment '" + PhpText.utf8(decoded) + "' has no value specified."
            + " You can leave this value empty only when you use the operators: != (is not) or == (is)");
      }
    }
    if (!supported.contains(name)) {
      throw new InvalidSegmentException("Segment '" + name + "' is not a supported segment.");
    }
    return new Condition(name, operator, PhpText.utf8(value));
  }
}

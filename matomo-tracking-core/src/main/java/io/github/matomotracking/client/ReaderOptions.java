package io.github.matomotracking.client;

/**
 * Limits that keep a hostile or broken response from exhausting memory: past any of them the
 * reader stops with a {@link MatomoUnreadableResponseException} that names the limit, instead of
 * running out of memory. Immutable; change a value with the {@code with...} methods.
 *
 * <p>The whole response is never held in memory (visits are read one at a time), so there is no
 * limit on the number of visits or on the size of the response, only on what one visit may hold.
 * With the defaults, reading and mapping any response fits in a 64 MB heap.
 *
 * @param maxNestingDepth how deeply arrays and objects may nest (the response array counts as 1;
 *     a real visit needs about 7); at most {@value #MAX_NESTING_DEPTH}, since nested values are
 *     read recursively
 * @param maxStringLength the longest text value, in characters
 * @param maxNameLength the longest field name, in characters
 * @param maxValuesPerVisit how many JSON values (fields, array entries, nested ones included) one
 *     visit object may hold; a visit with 500 actions holds some tens of thousands
 * @param maxCharsPerVisit how many characters of text (values and field names together) one visit
 *     object may hold; a visit with 500 actions holds some hundreds of thousands. It also bounds
 *     the bytes one visit may take in the body, white space included, since the reader keeps
 *     them for {@link io.github.matomotracking.model.Visit#raw()}: four per character, at least
 *     16 MiB
 */
public record ReaderOptions(
    int maxNestingDepth,
    int maxStringLength,
    int maxNameLength,
    int maxValuesPerVisit,
    int maxCharsPerVisit) {

  /** Default {@link #maxNestingDepth()}: 64. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

  /** The highest {@link #maxNestingDepth()} allowed: 1,000 (deeper risks a stack overflow). */
  public static final int MAX_NESTING_DEPTH = 1000;

  /** Default {@link #maxStringLength()}: 1 Mi (1,048,576) characters. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 1024 * 1024;

  /** Default {@link #maxNameLength()}: 50,000 characters. */
  public static final int DEFAULT_MAX_NAME_LENGTH = 50_000;

  /** Default {@link #maxValuesPerVisit()}: 100,000. */
  public static final int DEFAULT_MAX_VALUES_PER_VISIT = 100_000;

  /** Default {@link #maxCharsPerVisit()}: 4 Mi (4,194,304) characters. */
  public static final int DEFAULT_MAX_CHARS_PER_VISIT = 4 * 1024 * 1024;

  private static final ReaderOptions DEFAULTS =
      new ReaderOptions(
          DEFAULT_MAX_NESTING_DEPTH,
          DEFAULT_MAX_STRING_LENGTH,
          DEFAULT_MAX_NAME_LENGTH,
          DEFAULT_MAX_VALUES_PER_VISIT,
          DEFAULT_MAX_CHARS_PER_VISIT);

  /**
   * Checks that every limit is usable.
   *
   * @param maxNestingDepth from 2 (the array and a visit object) to {@value #MAX_NESTING_DEPTH}
   * @param maxStringLength at least 1
   * @param maxNameLength at least 1
   * @param maxValuesPerVisit at least 1
   * @param maxCharsPerVisit at least 1
   */
  public ReaderOptions {
    requireAtLeast("maxNestingDepth", maxNestingDepth, 2);
    if (maxNestingDepth > MAX_NESTING_DEPTH) {
      throw new IllegalArgumentException("maxNestingDepth must be at most " + MAX_NESTING_DEPTH
          + ", but was " + maxNestingDepth);
    }
    requireAtLeast("maxStringLength", maxStringLength, 1);
    requireAtLeast("maxNameLength", maxNameLength, 1);
    requireAtLeast("maxValuesPerVisit", maxValuesPerVisit, 1);
    requireAtLeast("maxCharsPerVisit", maxCharsPerVisit, 1);
  }

  /**
   * Limits with the default {@link #maxCharsPerVisit()} (the form before that limit existed).
   *
   * @param maxNestingDepth from 2 to {@value #MAX_NESTING_DEPTH}
   * @param maxStringLength at least 1
   * @param maxNameLength at least 1
   * @param maxValuesPerVisit at least 1
   */
  public ReaderOptions(
      int maxNestingDepth, int maxStringLength, int maxNameLength, int maxValuesPerVisit) {
    this(maxNestingDepth, maxStringLength, maxNameLength, maxValuesPerVisit,
        DEFAULT_MAX_CHARS_PER_VISIT);
  }

  /**
   * The default limits.
   *
   * @return the defaults
   */
  public static ReaderOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A copy with another nesting limit.
   *
   * @param value the new {@link #maxNestingDepth()}
   * @return the changed copy
   */
  public ReaderOptions withMaxNestingDepth(int value) {
    return new ReaderOptions(
        value, maxStringLength, maxNameLength, maxValuesPerVisit, maxCharsPerVisit);
  }

  /**
   * A copy with another text length limit.
   *
   * @param value the new {@link #maxStringLength()}
   * @return the changed copy
   */
  public ReaderOptions withMaxStringLength(int value) {
    return new ReaderOptions(
        maxNestingDepth, value, maxNameLength, maxValuesPerVisit, maxCharsPerVisit);
  }

  /**
   * A copy with another field name length limit.
   *
   * @param value the new {@link #maxNameLength()}
   * @return the changed copy
   */
  public ReaderOptions withMaxNameLength(int value) {
    return new ReaderOptions(
        maxNestingDepth, maxStringLength, value, maxValuesPerVisit, maxCharsPerVisit);
  }

  /**
   * A copy with another limit on the values in one visit.
   *
   * @param value the new {@link #maxValuesPerVisit()}
   * @return the changed copy
   */
  public ReaderOptions withMaxValuesPerVisit(int value) {
    return new ReaderOptions(
        maxNestingDepth, maxStringLength, maxNameLength, value, maxCharsPerVisit);
  }

  /**
   * A copy with another limit on the text in one visit.
   *
   * @param value the new {@link #maxCharsPerVisit()}
   * @return the changed copy
   */
  public ReaderOptions withMaxCharsPerVisit(int value) {
    return new ReaderOptions(
        maxNestingDepth, maxStringLength, maxNameLength, maxValuesPerVisit, value);
  }

  private static void requireAtLeast(String name, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(
          name + " must be at least " + minimum + ", but was " + value);
    }
  }
}

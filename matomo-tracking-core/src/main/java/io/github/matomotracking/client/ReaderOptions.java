package io.github.matomotracking.client;

/**
 * Limits that keep a hostile or broken response from exhausting memory: past any of them the
 * reader stops with a {@link MatomoUnreadableResponseException} that names the limit, instead of
 * running out of memory. Immutable; change a value with the {@code with...} methods.
 *
 * <p>The whole response is never held in memory (visits are read one at a time), so there is no
 * limit on the number of visits or on the size of the response, only on what one visit may hold.
 *
 * @param maxNestingDepth how deeply arrays and objects may nest (the response array counts as 1;
 *     a real visit needs about 7)
 * @param maxStringLength the longest text value, in characters
 * @param maxNameLength the longest field name, in characters
 * @param maxValuesPerVisit how many JSON values (fields, array entries, nested ones included) one
 *     visit object may hold; a visit with 500 actions holds some tens of thousands
 */
public record ReaderOptions(
    int maxNestingDepth, int maxStringLength, int maxNameLength, int maxValuesPerVisit) {

  /** Default {@link #maxNestingDepth()}: 64. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

  /** Default {@link #maxStringLength()}: 16 MiB characters. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 16 * 1024 * 1024;

  /** Default {@link #maxNameLength()}: 50,000 characters. */
  public static final int DEFAULT_MAX_NAME_LENGTH = 50_000;

  /** Default {@link #maxValuesPerVisit()}: 1,000,000. */
  public static final int DEFAULT_MAX_VALUES_PER_VISIT = 1_000_000;

  private static final ReaderOptions DEFAULTS =
      new ReaderOptions(
          DEFAULT_MAX_NESTING_DEPTH,
          DEFAULT_MAX_STRING_LENGTH,
          DEFAULT_MAX_NAME_LENGTH,
          DEFAULT_MAX_VALUES_PER_VISIT);

  /**
   * Checks that every limit is usable.
   *
   * @param maxNestingDepth at least 2 (the array and a visit object)
   * @param maxStringLength at least 1
   * @param maxNameLength at least 1
   * @param maxValuesPerVisit at least 1
   */
  public ReaderOptions {
    requireAtLeast("maxNestingDepth", maxNestingDepth, 2);
    requireAtLeast("maxStringLength", maxStringLength, 1);
    requireAtLeast("maxNameLength", maxNameLength, 1);
    requireAtLeast("maxValuesPerVisit", maxValuesPerVisit, 1);
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
    return new ReaderOptions(value, maxStringLength, maxNameLength, maxValuesPerVisit);
  }

  /**
   * A copy with another text length limit.
   *
   * @param value the new {@link #maxStringLength()}
   * @return the changed copy
   */
  public ReaderOptions withMaxStringLength(int value) {
    return new ReaderOptions(maxNestingDepth, value, maxNameLength, maxValuesPerVisit);
  }

  /**
   * A copy with another field name length limit.
   *
   * @param value the new {@link #maxNameLength()}
   * @return the changed copy
   */
  public ReaderOptions withMaxNameLength(int value) {
    return new ReaderOptions(maxNestingDepth, maxStringLength, value, maxValuesPerVisit);
  }

  /**
   * A copy with another limit on the values in one visit.
   *
   * @param value the new {@link #maxValuesPerVisit()}
   * @return the changed copy
   */
  public ReaderOptions withMaxValuesPerVisit(int value) {
    return new ReaderOptions(maxNestingDepth, maxStringLength, maxNameLength, value);
  }

  private static void requireAtLeast(String name, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(
          name + " must be at least " + minimum + ", but was " + value);
    }
  }
}

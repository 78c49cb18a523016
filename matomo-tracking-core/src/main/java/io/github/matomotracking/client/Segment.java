package io.github.matomotracking.client;

import java.nio.charset.StandardCharsets;

/**
 * A Matomo segment definition built by {@link SegmentBuilder}: one or more conditions joined
 * with OR. There is deliberately no way to make one from a string: every value in it was checked
 * and encoded by the builder, so no value can add a condition of its own.
 */
public final class Segment {

  private final String definition;
  private final int conditionCount;

  Segment(String definition, int conditionCount) {
    this.definition = definition;
    this.conditionCount = conditionCount;
  }

  /**
   * The definition as it goes into the {@code segment} form parameter (the form encoding is
   * applied on top when the request is sent).
   *
   * @return the definition, ASCII only
   */
  public String definition() {
    return definition;
  }

  /**
   * The length Matomo measures before it cuts a segment at 8192 bytes.
   *
   * @return the definition's length in bytes
   */
  public int length() {
    return definition.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * How many conditions are OR-ed together.
   *
   * @return the count, at least 1
   */
  public int conditionCount() {
    return conditionCount;
  }

  /** This segment AND {@code visitId > id}; used to page through visits sharing one second. */
  Segment andVisitIdAbove(long id) {
    String above = SegmentBuilder.VISIT_ID + ">" + id;
    return new Segment(definition.isEmpty() ? above : definition + ";" + above, conditionCount + 1);
  }

  /** A segment with no condition, only as a base for {@link #andVisitIdAbove(long)}. */
  static Segment matchAll() {
    return new Segment("", 0);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Segment && ((Segment) other).definition.equals(definition);
  }

  @Override
  public int hashCode() {
    return definition.hashCode();
  }

  @Override
  public String toString() {
    return "Segment[" + conditionCount + " condition(s), " + length() + " bytes]";
  }
}

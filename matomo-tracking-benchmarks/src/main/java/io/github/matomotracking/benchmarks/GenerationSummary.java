package io.github.matomotracking.benchmarks;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link LiveResponseGenerator} wrote.
 *
 * @param visits visits written
 * @param actions action entries written, all visits together
 * @param bytes bytes of JSON written (uncompressed)
 * @param visitsByActionCount {@code visitsByActionCount[n]} visits had exactly n actions
 * @param actionsByType action entries per type
 * @param templates where the field sets came from
 */
public record GenerationSummary(long visits, long actions, long bytes, long[] visitsByActionCount,
    Map<String, Long> actionsByType, String templates) {

  /**
   * Copies the arrays and maps.
   *
   * @param visits visits written
   * @param actions action entries written
   * @param bytes bytes written
   * @param visitsByActionCount histogram of actions per visit
   * @param actionsByType action entries per type
   * @param templates where the field sets came from
   */
  public GenerationSummary {
    visitsByActionCount = visitsByActionCount.clone();
    actionsByType = Map.copyOf(actionsByType);
  }

  /**
   * The histogram of actions per visit ({@code [n]} = visits with exactly n actions).
   *
   * @return a copy
   */
  @Override
  public long[] visitsByActionCount() {
    return visitsByActionCount.clone();
  }

  /**
   * The summary as {@code key=value} lines (a Java properties file), the form the end-to-end
   * runner reads back.
   *
   * @return the text
   */
  public String toProperties() {
    StringBuilder text = new StringBuilder();
    text.append("visits=").append(visits).append('\n');
    text.append("actions=").append(actions).append('\n');
    text.append("bytes=").append(bytes).append('\n');
    text.append("templates=").append(templates.replace("\\", "/")).append('\n');
    new TreeMap<>(actionsByType).forEach(
        (type, n) -> text.append("actions.").append(type).append('=').append(n).append('\n'));
    return text.toString();
  }

  @Override
  public String toString() {
    int max = visitsByActionCount.length - 1;
    while (max > 0 && visitsByActionCount[max] == 0) {
      max--;
    }
    return "GenerationSummary[visits=" + visits + ", actions=" + actions + ", bytes=" + bytes
        + ", maxActionsPerVisit=" + max + ", actionsByType=" + new TreeMap<>(actionsByType)
        + ", templates=" + templates + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GenerationSummary s && visits == s.visits && actions == s.actions
        && bytes == s.bytes && Arrays.equals(visitsByActionCount, s.visitsByActionCount)
        && actionsByType.equals(s.actionsByType) && templates.equals(s.templates);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(visits) * 31 + Long.hashCode(bytes);
  }
}

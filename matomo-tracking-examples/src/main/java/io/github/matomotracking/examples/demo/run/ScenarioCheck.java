package io.github.matomotracking.examples.demo.run;

import java.util.Objects;

/**
 * One rule of the identification story checked against what the database holds.
 *
 * @param rule the rule, in words
 * @param ok whether the stored data follows it
 * @param detail what was found, naming visits and contacts
 */
public record ScenarioCheck(String rule, boolean ok, String detail) {

  /** Checks the texts. */
  public ScenarioCheck {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * The check as one line: {@code OK      rule: detail} or {@code NOT OK  rule: detail}.
   *
   * @return the line
   */
  public String line() {
    return (ok ? "OK      " : "NOT OK  ") + rule + ": " + detail;
  }
}

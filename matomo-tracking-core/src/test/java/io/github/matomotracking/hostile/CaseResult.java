package io.github.matomotracking.hostile;

import java.util.List;

/**
 * What reading and mapping one corpus body gave.
 *
 * @param outcome {@code ok}, {@code warning}, {@code error:<ExceptionSimpleName>} for a
 *     {@code MatomoException}, or {@code crash:<ClassName>} for anything else thrown
 * @param keptVisitIds idVisit of the visits handed over, in order (the first
 *     {@link CaseRun#KEPT_IDS_SHOWN} only)
 * @param visitsKept how many visits were handed over
 * @param message the exception's message, or null
 * @param fragmentFound whether the expected fragment was in the message (error) or in a warning
 * @param warnings reader and mapper warnings together
 * @param firstWarnings the first few warnings, for failure messages
 * @param violations broken invariants: mapping threw, a warning that names no visit, ...
 */
record CaseResult(
    String outcome,
    List<Long> keptVisitIds,
    long visitsKept,
    String message,
    boolean fragmentFound,
    long warnings,
    List<String> firstWarnings,
    List<String> violations) {}

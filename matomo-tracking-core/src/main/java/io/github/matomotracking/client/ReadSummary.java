package io.github.matomotracking.client;

/**
 * What reading one response gave.
 *
 * @param visitsRead visits read and handed over
 * @param visitsSkipped visit objects skipped with a warning (for example without {@code idVisit})
 */
public record ReadSummary(int visitsRead, int visitsSkipped) {}

package io.github.matomotracking.identify;

import java.util.Optional;

/**
 * Finds the CRM contact that the data typed into a form belongs to. Matching is the host's
 * business; {@link PriorityContactMatcher} follows the CRM's documented priority.
 */
@FunctionalInterface
public interface ContactMatcher {

  /**
   * The contact the data belongs to.
   *
   * @param data what was typed into the form
   * @return the contact id, or empty when no contact matches (the host may create one)
   */
  Optional<String> match(FormContactData data);
}

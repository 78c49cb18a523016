package io.github.matomotracking.mapping;

import io.github.matomotracking.model.ActionType;
import io.github.matomotracking.model.CodedValue;
import io.github.matomotracking.model.LookupRef;
import java.util.Optional;

/**
 * The action type of a web action: looked up by Matomo's action {@code type} code
 * (case-insensitively), the raw {@code "13"} of content interactions included; a code missing
 * from the lookup is added with the code as its name. An entry without a type keeps the empty
 * code and no lookup, and so does a code longer than {@link LookupAdditions#MAX_TEXT_LENGTH}.
 */
public final class ActionTypeResolver {

  private ActionTypeResolver() {}

  /**
   * Resolves an action type.
   *
   * @param code Matomo's action {@code type}
   * @param lookups the lookups
   * @param additions where a missing entry is requested
   * @return the code with its entry (none for a blank or too long code)
   */
  public static CodedValue resolve(String code, LookupSnapshot lookups, LookupAdditions additions) {
    if (code.isBlank() || code.length() > LookupAdditions.MAX_TEXT_LENGTH) {
      return CodedValue.of(code, null);
    }
    Optional<ActionType> existing = lookups.actionTypeByCode(code);
    LookupRef ref = existing.isPresent()
        ? LookupRef.of(existing.get().id(), existing.get().name())
        : additions.actionType(code);
    return CodedValue.of(code, ref);
  }
}

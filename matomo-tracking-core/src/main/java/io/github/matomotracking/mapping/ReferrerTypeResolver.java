package io.github.matomotracking.mapping;

import io.github.matomotracking.model.CodedValue;
import io.github.matomotracking.model.LookupRef;
import io.github.matomotracking.model.Nullable;
import io.github.matomotracking.model.ReferrerType;
import java.util.Optional;

/**
 * The referrer type of a session: looked up by Matomo's {@code referrerType} code
 * (case-insensitively); a code missing from the lookup is added, named after Matomo's
 * {@code referrerTypeName}, or after the code when that is blank. New codes (such as the
 * AI-assistant type of newer servers) pass through this way. A code longer than
 * {@link LookupAdditions#MAX_TEXT_LENGTH} keeps no entry; a name that long is replaced by the code.
 */
public final class ReferrerTypeResolver {

  private ReferrerTypeResolver() {}

  /**
   * Resolves a referrer type.
   *
   * @param code Matomo's {@code referrerType}, may be null
   * @param typeName Matomo's {@code referrerTypeName}, may be null
   * @param lookups the lookups
   * @param additions where a missing entry is requested
   * @return the code with its entry; empty when the code is blank
   */
  public static Optional<CodedValue> resolve(
      @Nullable String code, @Nullable String typeName, LookupSnapshot lookups, LookupAdditions additions) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    if (code.length() > LookupAdditions.MAX_TEXT_LENGTH) {
      return Optional.of(CodedValue.of(code, null));
    }
    Optional<ReferrerType> existing = lookups.referrerTypeByCode(code);
    boolean nameUsable = typeName != null && !typeName.isBlank()
        && typeName.length() <= LookupAdditions.MAX_TEXT_LENGTH;
    LookupRef ref = existing.isPresent()
        ? LookupRef.of(existing.get().id(), existing.get().name())
        : additions.referrerType(code, nameUsable ? typeName : code);
    return Optional.of(CodedValue.of(code, ref));
  }
}

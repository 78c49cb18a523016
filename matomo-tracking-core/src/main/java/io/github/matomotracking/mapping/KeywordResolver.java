package io.github.matomotracking.mapping;

import io.github.matomotracking.model.Nullable;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The referrer keyword of a session: Matomo's {@code referrerKeyword}, except its localized
 * placeholder for "no keyword", which means none. Placeholders compare case-insensitively,
 * ignoring surrounding white space; the keyword itself is kept as received.
 *
 * <p>Immutable and thread-safe.
 */
public final class KeywordResolver {

  /** The placeholder Matomo sends with {@code language=en}. */
  public static final String KEYWORD_NOT_DEFINED = "Keyword not defined";

  private static final KeywordResolver STANDARD = new KeywordResolver(List.of(KEYWORD_NOT_DEFINED));

  private final List<String> placeholders;

  private KeywordResolver(List<String> placeholders) {
    this.placeholders = placeholders;
  }

  /**
   * The resolver for Matomo's English placeholder "Keyword not defined".
   *
   * @return the standard resolver
   */
  public static KeywordResolver standard() {
    return STANDARD;
  }

  /**
   * A resolver with the given placeholders (for servers answering in other languages).
   *
   * @param placeholders the texts that mean "no keyword"; copied, none may be null
   * @return the resolver
   */
  public static KeywordResolver of(Collection<String> placeholders) {
    return new KeywordResolver(placeholders.stream().map(String::strip).toList());
  }

  /**
   * The texts that mean "no keyword".
   *
   * @return the placeholders
   */
  public List<String> placeholders() {
    return placeholders;
  }

  /**
   * The keyword to keep.
   *
   * @param referrerKeyword Matomo's {@code referrerKeyword}, may be null
   * @return the keyword; empty when blank or a placeholder
   */
  public Optional<String> keyword(@Nullable String referrerKeyword) {
    if (referrerKeyword == null || referrerKeyword.isBlank()) {
      return Optional.empty();
    }
    String stripped = referrerKeyword.strip();
    for (String placeholder : placeholders) {
      if (placeholder.equalsIgnoreCase(stripped)) {
        return Optional.empty();
      }
    }
    return Optional.of(referrerKeyword);
  }

  @Override
  public String toString() {
    return "KeywordResolver" + placeholders;
  }
}

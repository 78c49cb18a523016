package io.github.matomotracking.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One entry of a visit's {@code actionDetails}, as received.
 *
 * <p>{@link #shiftedTimestamp()} is Matomo's {@code timestamp}, which is <em>not</em> a true UTC
 * instant: Matomo shifts it by the site's UTC offset (matomo issue 12819). The mapper corrects it.
 */
@Value.Immutable
@MatomoStyle
public interface VisitAction {

  /** Position of this entry in the visit's {@code actionDetails}, from 0. */
  int position();

  /**
   * {@code type} as sent: {@code action}, {@code download}, {@code outlink}, {@code search},
   * {@code event}, {@code goal}, {@code ecommerceOrder}, {@code ecommerceAbandonedCart}, the raw
   * {@code "13"} for content interactions, or a plugin's own code. Empty text when missing.
   */
  String type();

  /** {@code url}. */
  Optional<String> url();

  /** {@code pageTitle}. */
  Optional<String> pageTitle();

  /** {@code title}: the display title Matomo computed for the entry. */
  Optional<String> title();

  /** {@code subtitle}. */
  Optional<String> subtitle();

  /** {@code idpageview}: six characters, page views only. */
  Optional<String> pageViewId();

  /** {@code pageId}. */
  OptionalLong pageId();

  /** {@code pageIdAction}. */
  OptionalLong pageIdAction();

  /** {@code timestamp}: epoch seconds shifted by the site's UTC offset (see the class doc). */
  OptionalLong shiftedTimestamp();

  /** {@code timeSpent} in seconds. */
  OptionalLong timeSpentSeconds();

  /** The entry's JSON object as received, for fields this model does not carry. */
  @Value.Auxiliary
  @Value.Default
  default ObjectNode raw() {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
  }

  /** A new builder. */
  static ImmutableVisitAction.Builder builder() {
    return ImmutableVisitAction.builder();
  }
}

package io.github.matomotracking.mapping;

/**
 * Decides the lead source and lead channel of a session. Lookups are only read, never added to.
 * Implementations must be pure and thread-safe: a {@link VisitMapper} shares its policy between
 * threads.
 *
 * <p>The default is {@link CreatioSourceChannelPolicy}, the documented CRM behaviour;
 * {@link ExtendedSourceChannelPolicy} also uses click ids and Matomo's own referrer
 * classification.
 */
@FunctionalInterface
public interface SourceChannelPolicy {

  /**
   * The source and channel for a visit.
   *
   * @param input the visit's utm tags, referrer and landing page
   * @param lookups the lookups to resolve against
   * @return the source and channel found (each may be absent)
   */
  SourceChannel resolve(SourceChannelInput input, LookupSnapshot lookups);
}

package io.github.matomotracking.mapping;

import io.github.matomotracking.model.MappedVisit;
import io.github.matomotracking.model.Visit;
import java.util.Collection;
import java.util.Objects;

/**
 * Maps Matomo visits to CRM web sessions and web actions (domain rules, sections 3.1 to 6).
 *
 * <p>Immutable and thread-safe; a pure function of the visit, the lookups and the site zones.
 * Map visits in batches, one {@link MappingBatch} per batch (per thread), so lookup additions
 * are requested once per batch:
 *
 * <pre>{@code
 * VisitMapper mapper = VisitMapper.standard();
 * MappingBatch batch = mapper.newBatch(repository.snapshot(), siteZones);
 * for (Visit visit : visits) {
 *   MappedVisit mapped = batch.map(visit);
 *   // apply mapped.additions() before storing mapped.session() and mapped.actions()
 * }
 * }</pre>
 */
public final class VisitMapper {

  private static final VisitMapper STANDARD = builder().build();

  private final SourceChannelPolicy sourceChannelPolicy;
  private final KeywordResolver keywords;

  private VisitMapper(Builder builder) {
    this.sourceChannelPolicy = builder.sourceChannelPolicy;
    this.keywords = builder.keywords;
  }

  /**
   * The mapper with the default source and channel policy ({@link CreatioSourceChannelPolicy})
   * and Matomo's English "Keyword not defined" placeholder.
   *
   * @return the standard mapper
   */
  public static VisitMapper standard() {
    return STANDARD;
  }

  /**
   * A builder starting from the standard settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a batch: lookup additions are deduplicated across all visits mapped with it.
   *
   * @param lookups the lookups, which must not change during the batch
   * @param zones the time zone of each site
   * @return a new batch, for one thread
   */
  public MappingBatch newBatch(LookupSnapshot lookups, SiteTimeZones zones) {
    return new MappingBatch(this, lookups, zones);
  }

  /**
   * Maps a single visit, as a batch of one.
   *
   * @param visit the visit
   * @param lookups the lookups
   * @param zones the time zone of each site
   * @return the mapped visit
   */
  public MappedVisit map(Visit visit, LookupSnapshot lookups, SiteTimeZones zones) {
    return newBatch(lookups, zones).map(visit);
  }

  /**
   * The source and channel policy.
   *
   * @return the policy
   */
  public SourceChannelPolicy sourceChannelPolicy() {
    return sourceChannelPolicy;
  }

  /**
   * The referrer keyword rule.
   *
   * @return the keyword resolver
   */
  public KeywordResolver keywordResolver() {
    return keywords;
  }

  @Override
  public String toString() {
    return "VisitMapper[" + sourceChannelPolicy + ", " + keywords + "]";
  }

  /** Builds a {@link VisitMapper}; starts from the standard settings. */
  public static final class Builder {

    private SourceChannelPolicy sourceChannelPolicy = new CreatioSourceChannelPolicy();
    private KeywordResolver keywords = KeywordResolver.standard();

    private Builder() {}

    /**
     * The source and channel policy (default: {@link CreatioSourceChannelPolicy}).
     *
     * @param policy a pure, thread-safe policy
     * @return this builder
     */
    public Builder sourceChannelPolicy(SourceChannelPolicy policy) {
      this.sourceChannelPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The texts Matomo sends for "no keyword" (default: "Keyword not defined").
     *
     * @param placeholders the placeholders; replaces the default
     * @return this builder
     */
    public Builder keywordPlaceholders(Collection<String> placeholders) {
      this.keywords = KeywordResolver.of(Objects.requireNonNull(placeholders, "placeholders"));
      return this;
    }

    /**
     * The mapper.
     *
     * @return a new mapper
     */
    public VisitMapper build() {
      return new VisitMapper(this);
    }
  }
}

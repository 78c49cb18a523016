/**
 * Mapping: turns a Matomo {@link io.github.matomotracking.model.Visit} into a CRM
 * {@link io.github.matomotracking.model.MappedVisit} (web session, web actions, lookup entries to
 * add, warnings), following the domain rules on sessions, sources and channels, and actions.
 *
 * <p>Start with {@link io.github.matomotracking.mapping.VisitMapper}. Everything here is a pure
 * function of its input and a {@link io.github.matomotracking.mapping.LookupSnapshot}: no I/O,
 * no clock, no threads, so the same visit mapped against the same lookups always gives the same
 * result. Each concern has its own small class, usable and testable on its own:
 * {@link io.github.matomotracking.mapping.GeoResolver},
 * {@link io.github.matomotracking.mapping.LocationText},
 * {@link io.github.matomotracking.mapping.ReferrerUrls},
 * {@link io.github.matomotracking.mapping.ReferrerTypeResolver},
 * {@link io.github.matomotracking.mapping.KeywordResolver},
 * {@link io.github.matomotracking.mapping.ActionTypeResolver},
 * {@link io.github.matomotracking.mapping.WebPageResolver},
 * {@link io.github.matomotracking.mapping.ActionTimeCorrector},
 * {@link io.github.matomotracking.mapping.DeviceText} and the
 * {@link io.github.matomotracking.mapping.SourceChannelPolicy} implementations.
 */
package io.github.matomotracking.mapping;

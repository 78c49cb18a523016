/**
 * Values: a visit as Matomo sends it ({@link io.github.matomotracking.model.Visit}), the CRM
 * records it becomes ({@link io.github.matomotracking.model.WebSession},
 * {@link io.github.matomotracking.model.WebAction}), lookup entries and references. Immutable,
 * no I/O, no clocks.
 */
@MatomoStyle
package io.github.matomotracking.model;

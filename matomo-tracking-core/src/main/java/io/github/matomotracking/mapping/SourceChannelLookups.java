package io.github.matomotracking.mapping;

import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import io.github.matomotracking.model.LookupRef;
import io.github.matomotracking.model.Nullable;
import java.util.Optional;

/** The look-ups the source and channel policies share. Null means "none". */
final class SourceChannelLookups {

  /** The longest DNS name, in characters (RFC 1035: 255 octets on the wire). */
  static final int LONGEST_HOST = 253;

  private SourceChannelLookups() {}

  /** The value when present and not blank, stripped; else null. */
  static @Nullable String text(Optional<String> value) {
    if (value.isEmpty()) {
      return null;
    }
    String text = value.get().strip();
    return text.isEmpty() ? null : text;
  }

  /** Steps 1 of the documented policy: the Channel-code entry for utm_medium. */
  static @Nullable LeadChannel channelForMedium(LookupSnapshot lookups, @Nullable String medium) {
    return medium == null ? null : lookups.channelByCode(medium).orElse(null);
  }

  /** The Source-code entry for a utm value. */
  static @Nullable LeadSource sourceForCode(LookupSnapshot lookups, @Nullable String code) {
    return code == null ? null : lookups.sourceByCode(code).orElse(null);
  }

  /** The source's default channel, when it has one that exists. */
  static @Nullable LeadChannel defaultChannel(LookupSnapshot lookups, @Nullable LeadSource source) {
    if (source == null || source.defaultChannelId().isEmpty()) {
      return null;
    }
    return lookups.leadChannel(source.defaultChannelId().get()).orElse(null);
  }

  /**
   * The Lead source URL entry for a host: the exact host first (case-insensitive), then its
   * parent domains, longest first ({@code a.m.facebook.com}, {@code m.facebook.com},
   * {@code facebook.com}); a bare top-level label ({@code com}) is never tried on its own. A host
   * longer than {@value #LONGEST_HOST} characters is no DNS name and matches nothing: trying each
   * parent of a megabyte of {@code a.a.a...} copied the host once per label, which took hours.
   */
  static @Nullable LeadSource sourceForHost(LookupSnapshot lookups, String host) {
    if (host.isEmpty() || host.length() > LONGEST_HOST) {
      return null;
    }
    Optional<LeadSource> exact = lookups.sourceByDomain(host);
    if (exact.isPresent()) {
      return exact.get();
    }
    String domain = host;
    int dot = domain.indexOf('.');
    while (dot >= 0) {
      domain = domain.substring(dot + 1);
      dot = domain.indexOf('.');
      if (dot < 0) {
        break;
      }
      Optional<LeadSource> parent = lookups.sourceByDomain(domain);
      if (parent.isPresent()) {
        return parent.get();
      }
    }
    return null;
  }

  static @Nullable LookupRef ref(@Nullable LeadSource source) {
    return source == null ? null : LookupRef.of(source.id(), source.name());
  }

  static @Nullable LookupRef ref(@Nullable LeadChannel channel) {
    return channel == null ? null : LookupRef.of(channel.id(), channel.name());
  }

  static SourceChannel result(@Nullable LeadSource source, @Nullable LeadChannel channel) {
    return SourceChannel.of(ref(source), ref(channel));
  }
}

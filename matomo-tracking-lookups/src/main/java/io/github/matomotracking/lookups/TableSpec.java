package io.github.matomotracking.lookups;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The lookup files a host may give: base name and columns. */
enum TableSpec {
  LEAD_CHANNELS("lead-channels", List.of("id", "name"), List.of()),
  LEAD_SOURCES("lead-sources", List.of("id", "name"), List.of("default_channel")),
  SOURCE_CODES("source-codes", List.of("code", "source"), List.of()),
  CHANNEL_CODES("channel-codes", List.of("code", "channel"), List.of()),
  SOURCE_URLS("source-urls", List.of("domain", "source"), List.of()),
  COUNTRIES("countries", List.of("id", "code", "name"), List.of()),
  REGIONS("regions", List.of("id", "country", "code", "name"), List.of()),
  CITIES("cities", List.of("id", "name", "country"), List.of("region")),
  REFERRER_TYPES("referrer-types", List.of("id", "code", "name"), List.of()),
  ACTION_TYPES("action-types", List.of("id", "code", "name"), List.of()),
  WEB_PAGES("web-pages", List.of("id", "name", "url"), List.of());

  private final String baseName;
  private final List<String> required;
  private final List<String> columns;

  TableSpec(String baseName, List<String> required, List<String> optional) {
    this.baseName = baseName;
    this.required = required;
    List<String> all = new ArrayList<>(required);
    all.addAll(optional);
    this.columns = List.copyOf(all);
  }

  /** The file name without extension, such as {@code lead-channels}. */
  String baseName() {
    return baseName;
  }

  /** Columns that must be present with a value in every row. */
  List<String> required() {
    return required;
  }

  /** Every known column, required ones first. */
  List<String> columns() {
    return columns;
  }

  /** The table a base name stands for. */
  static Optional<TableSpec> byBaseName(String baseName) {
    for (TableSpec spec : values()) {
      if (spec.baseName.equals(baseName)) {
        return Optional.of(spec);
      }
    }
    return Optional.empty();
  }

  /** Every base name, for messages. */
  static List<String> baseNames() {
    List<String> names = new ArrayList<>();
    for (TableSpec spec : values()) {
      names.add(spec.baseName);
    }
    return names;
  }
}

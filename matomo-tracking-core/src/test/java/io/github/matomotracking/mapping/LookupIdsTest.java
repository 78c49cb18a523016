package io.github.matomotracking.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.model.LookupKind;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deterministic ids for lookup additions. */
class LookupIdsTest {

  @Test
  void isTheNameBasedUuidOfKindAndKey() {
    String expected = UUID.nameUUIDFromBytes("web-page\nPricing\nhttps://example.com/pricing"
        .getBytes(StandardCharsets.UTF_8)).toString();

    assertThat(LookupIds.webPage("Pricing", "https://example.com/pricing")).isEqualTo(expected);
    assertThat(LookupIds.of(LookupKind.WEB_PAGE, "Pricing\nhttps://example.com/pricing")).isEqualTo(expected);
  }

  @Test
  void codesIgnoreCaseButKindsStayApart() {
    assertThat(LookupIds.actionType("ecommerceOrder")).isEqualTo(LookupIds.actionType("ECOMMERCEORDER"));
    assertThat(LookupIds.referrerType("search")).isNotEqualTo(LookupIds.actionType("search"));
    assertThat(LookupIds.actionType("goal")).isNotEqualTo(LookupIds.actionType("form"));
  }

  @Test
  void webPagesDifferByNameAndByUrl() {
    assertThat(LookupIds.webPage("A", "https://example.com/")).isNotEqualTo(LookupIds.webPage("B", "https://example.com/"));
    assertThat(LookupIds.webPage("A", "https://example.com/")).isNotEqualTo(LookupIds.webPage("A", "https://example.com/x"));
  }
}

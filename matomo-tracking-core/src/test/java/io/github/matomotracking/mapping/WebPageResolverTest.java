package io.github.matomotracking.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.LookupKind;
import io.github.matomotracking.model.WebPageRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Domain rules, section 6: web pages. */
class WebPageResolverTest {

  private static final TestLookups LOOKUPS = TestLookups.withDefaults()
      .webPage("Pricing", "https://www.example.com/pricing")
      .build();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                                              | url                                         | pageTitle | name                 | key URL
      name is the page title; the key URL has no query string              | https://www.example.com/pricing?plan=pro   | Pricing   | Pricing              | https://www.example.com/pricing
      the key URL keeps a fragment: it is not part of the query string    | https://www.example.com/docs?a=1#install   | Docs      | Docs                 | https://www.example.com/docs#install
      a page told apart by its fragment route gets its own key             | https://www.example.com/#/pricing           | -         | example.com/         | https://www.example.com/#/pricing
      empty title: host without www. plus path                             | https://www.example.com/pricing?x=1        | -         | example.com/pricing  | https://www.example.com/pricing
      blank title: host without www. plus path                             | https://www.example.com/pricing            | " "       | example.com/pricing  | https://www.example.com/pricing
      empty title on the root page                                         | https://example.com/                       | -         | example.com/         | https://example.com/
      """)
  void namesAndKeysPages(String rule, String url, String title, String name, String keyUrl) {
    Optional<WebPageRef> page = WebPageResolver.resolve(url, title, LOOKUPS, new LookupAdditions());

    assertThat(page).isPresent();
    assertThat(page.get().name()).isEqualTo(name);
    assertThat(page.get().url()).isEqualTo(keyUrl);
  }

  @Test
  void aKnownPageResolvesToItsEntry() {
    LookupAdditions additions = new LookupAdditions();

    Optional<WebPageRef> page = WebPageResolver.resolve(
        "https://www.example.com/pricing?utm_source=x", "Pricing", LOOKUPS, additions);

    assertThat(page).contains(WebPageRef.of(
        TestLookups.webPageId("Pricing", "https://www.example.com/pricing"), "Pricing", "https://www.example.com/pricing"));
    assertThat(additions.all()).isEmpty();
  }

  @Test
  void aMissingPageIsAddedWithItsDeterministicId() {
    LookupAdditions additions = new LookupAdditions();

    Optional<WebPageRef> page = WebPageResolver.resolve("https://www.example.com/about?a=1", "About us", LOOKUPS, additions);

    String id = LookupIds.webPage("About us", "https://www.example.com/about");
    assertThat(page).contains(WebPageRef.of(id, "About us", "https://www.example.com/about"));
    assertThat(additions.all()).containsExactly(LookupAddition.builder()
        .kind(LookupKind.WEB_PAGE).id(id).name("About us").url("https://www.example.com/about").build());
  }

  @Test
  void theSamePageWithAnotherTitleIsAnotherEntry() {
    LookupAdditions additions = new LookupAdditions();

    WebPageResolver.resolve("https://www.example.com/pricing", "Prices", LOOKUPS, additions);

    assertThat(additions.all()).extracting(LookupAddition::name).containsExactly("Prices");
  }

  @Test
  void noUrlNoWebPage() {
    LookupAdditions additions = new LookupAdditions();

    assertThat(WebPageResolver.resolve(null, "Pricing", LOOKUPS, additions)).isEmpty();
    assertThat(WebPageResolver.resolve("  ", "Pricing", LOOKUPS, additions)).isEmpty();
    assertThat(additions.all()).isEmpty();
  }
}

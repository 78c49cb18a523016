package io.github.matomotracking.lookups;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.model.ChannelCode;
import io.github.matomotracking.model.City;
import io.github.matomotracking.model.Country;
import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import io.github.matomotracking.model.Region;
import io.github.matomotracking.model.SourceCode;
import io.github.matomotracking.model.SourceUrl;
import io.github.matomotracking.model.WebPage;
import org.junit.jupiter.api.Test;

class LookupTablesTest {

  private static final LookupTables BASE = LookupTables.builder()
      .addLeadChannels(LeadChannel.of("ch-1", "Email"), LeadChannel.of("ch-2", "Social"))
      .addLeadSources(LeadSource.of("src-1", "Mailer", "ch-1"))
      .addSourceCodes(SourceCode.of("mail", "src-1"))
      .addChannelCodes(ChannelCode.of("email", "ch-1"), ChannelCode.of("social", "ch-2"))
      .addSourceUrls(SourceUrl.of("mailer.com", "src-1"))
      .addCountries(Country.of("c-us", "US", "United States"))
      .addRegions(Region.of("r-ca", "c-us", "CA", "California"))
      .addCities(City.of("city-1", "Lake Forest", "c-us", "r-ca"))
      .addWebPages(WebPage.of("wp-1", "Home", "https://x/"))
      .build();

  @Test
  void aHostRowReplacesTheRowWithItsKeyAndReferencesFollowIt() {
    LookupTables host = LookupTables.builder()
        .addLeadChannels(LeadChannel.of("host-mail", "EMAIL"))
        .addCountries(Country.of("host-us", "us", "USA"))
        .build();

    LookupTables merged = BASE.overlay(host);

    assertThat(merged.leadChannels()).extracting(LeadChannel::id)
        .containsExactly("ch-2", "host-mail");
    assertThat(merged.leadSources().get(0).defaultChannelId()).contains("host-mail");
    assertThat(merged.channelCodes()).extracting(ChannelCode::channelId)
        .containsExactly("host-mail", "ch-2");
    assertThat(merged.regions().get(0).countryId()).isEqualTo("host-us");
    assertThat(merged.cities().get(0).countryId()).isEqualTo("host-us");
    assertThat(IndexedLookupSnapshot.of(merged).regionByCode("host-us", "ca")).isPresent();
  }

  @Test
  void aHostRowReplacesTheRowWithItsIdAndReferencesFollowANewId() {
    LookupTables host = LookupTables.builder()
        .addLeadSources(LeadSource.of("src-1", "Mailer Pro", "ch-2"))
        .addRegions(Region.of("r-ca2", "c-us", "ca", "Calif."))
        .build();

    LookupTables merged = BASE.overlay(host);

    assertThat(merged.leadSources()).containsExactly(LeadSource.of("src-1", "Mailer Pro", "ch-2"));
    assertThat(merged.sourceCodes()).containsExactly(SourceCode.of("mail", "src-1"));
    assertThat(merged.regions()).extracting(Region::id).containsExactly("r-ca2");
    assertThat(merged.cities().get(0).regionId()).contains("r-ca2");
  }

  @Test
  void keyedRowsAreReplacedByKeyWhateverTheCase() {
    LookupTables host = LookupTables.builder()
        .addLeadSources(LeadSource.of("src-2", "Other", null))
        .addSourceCodes(SourceCode.of("MAIL", "src-2"))
        .addSourceUrls(SourceUrl.of("Mailer.com", "src-2"))
        .addWebPages(WebPage.of("wp-2", "Home", "https://x/"))
        .build();

    LookupTables merged = BASE.overlay(host);

    assertThat(merged.sourceCodes()).containsExactly(SourceCode.of("MAIL", "src-2"));
    assertThat(merged.sourceUrls()).containsExactly(SourceUrl.of("Mailer.com", "src-2"));
    assertThat(merged.webPages()).extracting(WebPage::id).containsExactly("wp-2");
  }

  @Test
  void anEmptyHostChangesNothing() {
    assertThat(BASE.overlay(LookupTables.empty())).isEqualTo(BASE);
  }
}

package io.github.matomotracking.lookups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.matomotracking.model.City;
import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import io.github.matomotracking.model.Region;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LookupFilesTest {

  private static final String FACEBOOK_ID = "49ab2f5f-ceb6-454e-ba71-a2f7776df14c";
  private static final String US_ID = DefaultLookups.countryId("US");
  private static final String NC_ID = DefaultLookups.regionId("US", "NC");

  @TempDir
  Path dir;

  private void write(String name, String content) throws Exception {
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private void writeHostFilesAsCsv() throws Exception {
    write("lead-channels.csv", "id,name\nch-tv,Television\nch-mail,EMAIL\n");
    write("lead-sources.csv", "name,id,default_channel\n"
        + "Newsletter,src-news,email\n"
        + "\"Radio ad, regional\",src-radio,ch-tv\n"
        + "Walk-in,src-walk,\n"
        + "Meta," + FACEBOOK_ID + ",Web: social\n");
    write("source-codes.csv", "code,source\nnews,Newsletter\nradio,src-radio\n");
    write("channel-codes.csv", "code,channel\ntv,Television\nCPC,Web: paid search\n");
    write("source-urls.csv", "domain,source\nnews.example.com,Newsletter\n");
    write("cities.csv", "id,name,country,region\n"
        + "city-lf,Lake Forest,us,ca\n"
        + "city-paris,Paris,FR,\n"
        + "city-raleigh,Raleigh," + US_ID + "," + NC_ID + "\n");
    write("referrer-types.csv", "id,code,name\nrt-ai,ai,AI assistants\n");
    write("action-types.csv", "id,code,name\nat-goal,goal,Goal conversion\n");
    write("web-pages.csv", "id,name,url\nwp-home,Home,https://example.com/\n");
  }

  private void writeHostFilesAsJson() throws Exception {
    write("lead-channels.json", "[{\"id\": \"ch-tv\", \"name\": \"Television\"},"
        + " {\"id\": \"ch-mail\", \"name\": \"EMAIL\"}]");
    write("lead-sources.json", "["
        + "{\"id\": \"src-news\", \"name\": \"Newsletter\", \"default_channel\": \"email\"},"
        + "{\"id\": \"src-radio\", \"name\": \"Radio ad, regional\", \"default_channel\": \"ch-tv\"},"
        + "{\"id\": \"src-walk\", \"name\": \"Walk-in\", \"default_channel\": null},"
        + "{\"id\": \"" + FACEBOOK_ID + "\", \"name\": \"Meta\", \"default_channel\": \"Web: social\"}]");
    write("source-codes.json", "[{\"code\": \"news\", \"source\": \"Newsletter\"},"
        + " {\"code\": \"radio\", \"source\": \"src-radio\"}]");
    write("channel-codes.json", "[{\"code\": \"tv\", \"channel\": \"Television\"},"
        + " {\"code\": \"CPC\", \"channel\": \"Web: paid search\"}]");
    write("source-urls.json", "[{\"domain\": \"news.example.com\", \"source\": \"Newsletter\"}]");
    write("cities.json", "["
        + "{\"id\": \"city-lf\", \"name\": \"Lake Forest\", \"country\": \"us\", \"region\": \"ca\"},"
        + "{\"id\": \"city-paris\", \"name\": \"Paris\", \"country\": \"FR\"},"
        + "{\"id\": \"city-raleigh\", \"name\": \"Raleigh\", \"country\": \"" + US_ID
        + "\", \"region\": \"" + NC_ID + "\"}]");
    write("referrer-types.json", "[{\"id\": \"rt-ai\", \"code\": \"ai\", \"name\": \"AI assistants\"}]");
    write("action-types.json", "[{\"id\": \"at-goal\", \"code\": \"goal\", \"name\": \"Goal conversion\"}]");
    write("web-pages.json", "[{\"id\": \"wp-home\", \"name\": \"Home\", \"url\": \"https://example.com/\"}]");
  }

  @Test
  void csvFilesAreLaidOverTheDefaults() throws Exception {
    writeHostFilesAsCsv();
    IndexedLookupSnapshot s = IndexedLookupSnapshot.of(LookupFiles.load(dir));

    assertThat(s.leadChannelByName("Television")).map(LeadChannel::id).contains("ch-tv");
    assertThat(s.leadSourceByName("Newsletter").orElseThrow().defaultChannelId())
        .as("channel given by name, case-insensitively").contains("ch-mail");
    assertThat(s.leadSourceByName("radio ad, regional").orElseThrow().defaultChannelId())
        .as("channel given by id").contains("ch-tv");
    assertThat(s.leadSourceByName("Walk-in").orElseThrow().defaultChannelId()).isEmpty();
    assertThat(s.sourceByCode("news")).map(LeadSource::id).contains("src-news");
    assertThat(s.sourceByCode("radio")).map(LeadSource::id).contains("src-radio");
    assertThat(s.channelByCode("tv")).map(LeadChannel::id).contains("ch-tv");
    assertThat(s.channelByCode("cpc")).map(LeadChannel::name).contains("Web: paid search");
    assertThat(s.sourceByDomain("news.example.com")).map(LeadSource::id).contains("src-news");
    assertThat(s.cityByName(US_ID, DefaultLookups.regionId("US", "CA"), "lake forest"))
        .map(City::id).contains("city-lf");
    assertThat(s.cityByName(DefaultLookups.countryId("FR"), null, "Paris")).map(City::id)
        .contains("city-paris");
    assertThat(s.cityByName(US_ID, NC_ID, "Raleigh")).map(City::id).contains("city-raleigh");
    assertThat(s.referrerTypeByCode("ai")).isPresent();
    assertThat(s.referrerTypeByCode("direct")).as("defaults are kept").isPresent();
    assertThat(s.actionTypeByCode("goal")).isPresent();
    assertThat(s.webPage("Home", "https://example.com/")).isPresent();

    LookupTables tables = s.tables();
    assertThat(tables.leadChannels()).hasSize(14 - 1 + 2);
    assertThat(tables.leadSources()).hasSize(11 - 1 + 4);
    assertThat(tables.channelCodes()).as("CPC replaced cpc").hasSize(19 + 1);
  }

  @Test
  void jsonFilesGiveTheSameTablesAsCsv() throws Exception {
    writeHostFilesAsCsv();
    LookupTables fromCsv = LookupFiles.load(dir);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.delete(f);
      }
    }
    writeHostFilesAsJson();
    assertThat(LookupFiles.load(dir)).isEqualTo(fromCsv);
  }

  @Test
  void aHostRowWithADefaultNameReplacesItAndReferencesFollow() throws Exception {
    write("lead-channels.csv", "id,name\nch-mail,EMAIL\n");
    IndexedLookupSnapshot s = IndexedLookupSnapshot.of(LookupFiles.load(dir));

    assertThat(s.leadChannelByName("email")).map(LeadChannel::id).contains("ch-mail");
    assertThat(s.leadChannel("9a27e6a8-3c76-4076-acb2-40a6a4ebec6a")).as("default Email").isEmpty();
    assertThat(s.leadSourceByName("Mailchimp").orElseThrow().defaultChannelId())
        .contains("ch-mail");
    assertThat(s.channelByCode("email")).map(LeadChannel::id).contains("ch-mail");
  }

  @Test
  void aHostRowWithADefaultIdReplacesIt() throws Exception {
    write("lead-sources.csv", "id,name,default_channel\n" + FACEBOOK_ID + ",Meta,Web: social\n");
    IndexedLookupSnapshot s = IndexedLookupSnapshot.of(LookupFiles.load(dir));

    assertThat(s.leadSource(FACEBOOK_ID)).map(LeadSource::name).contains("Meta");
    assertThat(s.leadSourceByName("Facebook")).isEmpty();
    assertThat(s.sourceByCode("fb")).map(LeadSource::name).contains("Meta");
    assertThat(s.sourceByDomain("facebook.com")).map(LeadSource::name).contains("Meta");
  }

  @Test
  void hostCountriesReplaceTheDefaultsAndRegionsAndCitiesFollow() throws Exception {
    write("countries.csv", "id,code,name\ncrm-us,us,USA\n");
    write("regions.csv", "id,country,code,name\ncrm-ca,US,CA,Calif.\n");
    write("cities.csv", "id,name,country,region\ncity-sf,San Francisco,US,CA\n"
        + "city-ral,Raleigh,crm-us,NC\n");
    IndexedLookupSnapshot s = IndexedLookupSnapshot.of(LookupFiles.load(dir));

    assertThat(s.countryByCode("US").orElseThrow().id()).isEqualTo("crm-us");
    assertThat(s.regionByCode("crm-us", "ca")).map(Region::id).contains("crm-ca");
    assertThat(s.regionByCode("crm-us", "NC")).map(Region::id)
        .as("a default region of the replaced country now points to the host's country")
        .contains(NC_ID);
    assertThat(s.cityByName("crm-us", "crm-ca", "San Francisco")).isPresent();
    assertThat(s.cityByName("crm-us", NC_ID, "Raleigh")).isPresent();
  }

  @Test
  void csvQuotingFollowsRfc4180() throws Exception {
    String csv = "\uFEFFname , id\r\n"
        + "\"Radio, TV\",ch-1\r\n"
        + "\r\n"
        + "\"Say \"\"hi\"\"\",ch-2\r\n"
        + "\"Two\r\nlines\",ch-3\r\n"
        + "  Spaced out  ,  ch-4 \n"
        + " \"Quoted\" ,ch-5\n"
        + ",\n"
        + "Last,ch-6";
    LookupTables t = LookupFiles.over(LookupTables.empty())
        .read("lead-channels.csv", stream(csv)).tables();
    assertThat(t.leadChannels()).extracting(LeadChannel::id, LeadChannel::name).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ch-1", "Radio, TV"),
        org.assertj.core.groups.Tuple.tuple("ch-2", "Say \"hi\""),
        org.assertj.core.groups.Tuple.tuple("ch-3", "Two\r\nlines"),
        org.assertj.core.groups.Tuple.tuple("ch-4", "Spaced out"),
        org.assertj.core.groups.Tuple.tuple("ch-5", "Quoted"),
        org.assertj.core.groups.Tuple.tuple("ch-6", "Last"));
  }

  @Test
  void lineNumbersCountLineBreaksInsideQuotedValues() {
    String csv = "id,name\nch-1,\"One\ntwo\nthree\"\nch-2,\n";
    assertThatThrownBy(() -> LookupFiles.over(LookupTables.empty())
        .read("lead-channels.csv", stream(csv)))
        .hasMessage("lead-channels.csv line 5: no value for 'name'");
  }

  @Test
  void referencesMayNameRowsOfFilesReadLater() {
    LookupTables t = LookupFiles.over(LookupTables.empty())
        .read("source-codes.csv", stream("code,source\nnews,Newsletter\n"))
        .read("lead-sources.csv", stream("id,name,default_channel\nsrc-news,Newsletter,TV\n"))
        .read("lead-channels.json", stream("[{\"id\": \"ch-tv\", \"name\": \"TV\"}]"))
        .tables();
    IndexedLookupSnapshot s = IndexedLookupSnapshot.of(t);
    assertThat(s.sourceByCode("news").orElseThrow().defaultChannelId()).contains("ch-tv");
  }

  @Test
  void aStreamIsLaidOverTheDefaults() {
    LookupTables t = LookupFiles.load("some/folder/lead-channels.csv",
        stream("id,name\nch-tv,Television\n"));
    assertThat(t.leadChannels()).hasSize(15);
    assertThat(t.countries()).isEqualTo(DefaultLookups.tables().countries());
  }

  @Test
  void otherFilesInTheDirectoryAreIgnored() throws Exception {
    write("README.txt", "notes");
    write("lead-channels.csv", "id,name\nch-tv,Television\n");
    assertThat(LookupFiles.load(dir).leadChannels()).extracting(LeadChannel::id)
        .contains("ch-tv");
  }

  @Test
  void anUnknownCsvOrJsonFileInTheDirectoryIsAnError() throws Exception {
    write("lead-chanels.csv", "id,name\nch-tv,Television\n");
    assertThatThrownBy(() -> LookupFiles.load(dir)).isInstanceOf(LookupFileException.class)
        .hasMessageContaining("lead-chanels.csv: not a lookup file name; expected one of "
            + "lead-channels, lead-sources, source-codes, channel-codes, source-urls, countries,"
            + " regions, cities, referrer-types, action-types, web-pages, ending in .csv or .json");
  }

  @Test
  void aLookupGivenTwiceIsAnError() throws Exception {
    write("lead-channels.csv", "id,name\nch-tv,Television\n");
    write("lead-channels.json", "[]");
    assertThatThrownBy(() -> LookupFiles.load(dir)).isInstanceOf(LookupFileException.class)
        .hasMessageEndingWith("lead-channels.json: the lead-channels lookup was already read from "
            + dir.resolve("lead-channels.csv"));
  }

  @Test
  void aMissingPathIsAnError() {
    Path missing = dir.resolve("nowhere");
    assertThatThrownBy(() -> LookupFiles.load(missing)).isInstanceOf(LookupFileException.class)
        .hasMessage(missing + ": no such file or directory");
  }

  @Test
  void aSingleFileCanBeReadByPath() throws Exception {
    write("web-pages.csv", "id,name,url\nwp-1,Home,https://example.com/\n");
    LookupTables t = LookupFiles.over(LookupTables.empty()).read(dir.resolve("web-pages.csv"))
        .tables();
    assertThat(t.webPages()).hasSize(1);
  }

  @Test
  void invalidUtf8IsReportedWithItsLine() {
    byte[] bytes = {'i', 'd', ',', 'n', 'a', 'm', 'e', '\n', 'c', ',', 'T', 'V', '\n',
        'd', ',', (byte) 0xC3, (byte) 0x28, '\n'};
    assertThatThrownBy(() -> LookupFiles.over(LookupTables.empty())
        .read("lead-channels.csv", new ByteArrayInputStream(bytes)))
        .hasMessage("lead-channels.csv line 3: not valid UTF-8");
  }

  @Test
  void theExceptionTellsFileLocationAndProblemApart() {
    LookupFileException e = org.junit.jupiter.api.Assertions.assertThrows(
        LookupFileException.class, () -> LookupFiles.over(LookupTables.empty())
            .read("lead-channels.csv", stream("id,name\nch-1,\n")));
    assertThat(e.file()).isEqualTo("lead-channels.csv");
    assertThat(e.location()).contains("line 2");
    assertThat(e.problem()).isEqualTo("no value for 'name'");
  }

  static Stream<Arguments> badFiles() {
    String notChannel = " is neither the id nor the name of a lead channel";
    String notSource = " is neither the id nor the name of a lead source";
    return Stream.of(
        // CSV structure
        Arguments.of("lead-channels.csv", "id,name,colour\n",
            "lead-channels.csv line 1: unknown column 'colour'; the columns of lead-channels are"
                + " id, name"),
        Arguments.of("lead-channels.csv", "id\nch-1\n",
            "lead-channels.csv line 1: missing column 'name'; required columns of lead-channels"
                + " are id, name"),
        Arguments.of("lead-channels.csv", "id,name,name\n",
            "lead-channels.csv line 1: column 'name' appears twice"),
        Arguments.of("lead-channels.csv", "id,,name\n",
            "lead-channels.csv line 1: a column in the header has no name"),
        Arguments.of("lead-channels.csv", "",
            "lead-channels.csv: the file is empty; expected a header row such as id,name"),
        Arguments.of("lead-channels.csv", "id,name\nch-1,TV\nch-2,\n",
            "lead-channels.csv line 3: no value for 'name'"),
        Arguments.of("lead-channels.csv", "id,name\nch-1,TV,extra\n",
            "lead-channels.csv line 2: has 3 values but the header (line 1) names 2 columns"),
        Arguments.of("lead-channels.csv", "id,name\nch-1\n",
            "lead-channels.csv line 2: has 1 values but the header (line 1) names 2 columns"),
        Arguments.of("lead-channels.csv", "id,name\nch-1,\"TV\n",
            "lead-channels.csv line 2: a quoted value opened here is never closed"),
        Arguments.of("lead-channels.csv", "id,name\nch-1,\"TV\"x\n",
            "lead-channels.csv line 2: unexpected 'x' after a closing quote"),
        Arguments.of("lead-channels.csv", "id,name\nch-1,T\"V\n",
            "lead-channels.csv line 2: a quote inside an unquoted value"),
        // repeated ids and keys
        Arguments.of("lead-channels.csv", "id,name\nch-1,TV\nch-1,Radio\n",
            "lead-channels.csv line 3: duplicate id 'ch-1' (first at line 2)"),
        Arguments.of("lead-channels.csv", "id,name\nch-1,TV\nch-2,tv\n",
            "lead-channels.csv line 3: duplicate name 'tv' (first at line 2)"),
        Arguments.of("source-codes.csv", "code,source\nfb,Facebook\nFB,Facebook\n",
            "source-codes.csv line 3: duplicate code 'FB' (first at line 2)"),
        Arguments.of("action-types.csv", "id,code,name\nat-1,goal,Goal\nat-2,GOAL,Goal again\n",
            "action-types.csv line 3: duplicate code 'GOAL' (first at line 2)"),
        Arguments.of("regions.csv", "id,country,code,name\nr-1,US,XA,One\nr-2,us,xa,Two\n",
            "regions.csv line 3: duplicate code 'xa' for country 'us' (first at line 2)"),
        Arguments.of("web-pages.csv", "id,name,url\nwp-1,Home,https://x/\nwp-2,Home,https://x/\n",
            "web-pages.csv line 3: duplicate name and url (first at line 2)"),
        // references
        Arguments.of("lead-sources.csv", "id,name,default_channel\nsrc-1,Post,Carrier pigeon\n",
            "lead-sources.csv line 2: default_channel 'Carrier pigeon'" + notChannel),
        Arguments.of("source-codes.csv", "code,source\npigeon,Pigeon post\n",
            "source-codes.csv line 2: source 'Pigeon post'" + notSource),
        Arguments.of("channel-codes.csv", "code,channel\ncoo,Birds\n",
            "channel-codes.csv line 2: channel 'Birds'" + notChannel),
        Arguments.of("source-urls.csv", "domain,source\nx.com,Nobody\n",
            "source-urls.csv line 2: source 'Nobody'" + notSource),
        Arguments.of("source-urls.csv", "domain,source\nhttps://facebook.com,Facebook\n",
            "source-urls.csv line 2: domain 'https://facebook.com' must be a host name such as"
                + " facebook.com (no scheme, port, path or spaces)"),
        Arguments.of("regions.csv", "id,country,code,name\nr-1,QQ,X,Nowhere\n",
            "regions.csv line 2: country 'QQ' is neither the id nor the code of a country"),
        Arguments.of("cities.csv", "id,name,country,region\ncity-1,Atlantis,QQ,\n",
            "cities.csv line 2: country 'QQ' is neither the id nor the code of a country"),
        Arguments.of("cities.csv", "id,name,country,region\ncity-1,Lyon,FR,CA\n",
            "cities.csv line 2: region 'CA' is neither the id of a region nor the code of a"
                + " region of country 'FR'"),
        Arguments.of("cities.csv", "id,name,country,region\ncity-1,Lyon,FR,"
                + DefaultLookups.regionId("US", "CA") + "\n",
            "cities.csv line 2: region '" + DefaultLookups.regionId("US", "CA")
                + "' belongs to another country than 'FR'"),
        // JSON structure
        Arguments.of("lead-channels.json", "",
            "lead-channels.json: the file is empty; expected an array of objects"),
        Arguments.of("lead-channels.json", "{\"id\": \"x\"}",
            "lead-channels.json: expected an array of objects, found an object"),
        Arguments.of("lead-channels.json", "[\"x\"]",
            "lead-channels.json element [0]: expected an object, found a string"),
        Arguments.of("lead-channels.json", "[{\"id\": \"ch-1\", \"name\": \"TV\", \"colour\": \"red\"}]",
            "lead-channels.json element [0]: unknown key 'colour'; the keys of lead-channels are"
                + " id, name"),
        Arguments.of("lead-channels.json", "[{\"id\": \"ch-1\", \"name\": true}]",
            "lead-channels.json element [0]: the value of 'name' must be a string, found a"
                + " boolean"),
        Arguments.of("lead-channels.json",
            "[{\"id\": \"ch-1\", \"name\": \"TV\"}, {\"id\": \"ch-2\", \"name\": null}]",
            "lead-channels.json element [1]: no value for 'name'"),
        Arguments.of("lead-channels.json", "[{\"id\": \"ch-1\", \"name\": \"TV\"}, {\"id\": \"ch-2\"}]",
            "lead-channels.json element [1]: no value for 'name'"),
        Arguments.of("lead-channels.json", "[{\"id\": \"ch-1\",\n \"name\": \"TV\"",
            "lead-channels.json line 2, column "),
        Arguments.of("lead-channels.json", "[{\"id\": \"a\", \"id\": \"b\", \"name\": \"TV\"}]",
            "lead-channels.json line 1, column "),
        Arguments.of("lead-sources.json",
            "[{\"id\": \"s\", \"name\": \"S\", \"default_channel\": \"Nope\"}]",
            "lead-sources.json element [0]: default_channel 'Nope'" + notChannel),
        Arguments.of("lead-channels.json",
            "[{\"id\": \"ch-1\", \"name\": \"TV\"}, {\"id\": \"ch-1\", \"name\": \"Radio\"}]",
            "lead-channels.json element [1]: duplicate id 'ch-1' (first at element [0])"),
        // file names
        Arguments.of("leads.csv", "id,name\n", "leads.csv: not a lookup file name; expected one"
            + " of lead-channels, lead-sources, source-codes, channel-codes, source-urls,"
            + " countries, regions, cities, referrer-types, action-types, web-pages, ending in"
            + " .csv or .json"),
        Arguments.of("lead-channels.txt", "id,name\n", "lead-channels.txt: not a lookup file name"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("badFiles")
  void badInputIsRejectedNamingFilePlaceAndProblem(String file, String content, String message) {
    assertThatThrownBy(() -> LookupFiles.overDefaults().read(file, stream(content)).tables())
        .isInstanceOf(LookupFileException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void invalidJsonSaysSo() {
    assertThatThrownBy(() -> LookupFiles.overDefaults()
        .read("lead-channels.json", stream("[{\"id\": \"a\", \"id\": \"b\", \"name\": \"TV\"}]")))
        .hasMessageContaining("not valid JSON: Duplicate field 'id'");
  }

  private static InputStream stream(String content) {
    return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
  }
}

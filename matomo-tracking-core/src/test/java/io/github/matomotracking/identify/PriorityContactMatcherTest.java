package io.github.matomotracking.identify;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.identify.PriorityContactMatcher.Level;
import io.github.matomotracking.identify.PriorityContactMatcher.Match;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CRM's matching priority (domain section 2, rule 5), as a table. */
class PriorityContactMatcherTest {

  private static Instant year(int year) {
    return Instant.parse(year + "-01-01T00:00:00Z");
  }

  private static final InMemoryContactDirectory DIRECTORY = InMemoryContactDirectory.of(
      Contact.of("ann-2020", "Ann Lee", "ann@example.com", "+1 555 0100", year(2020)),
      Contact.of("ann-work-2019", "Ann Smith", "ann@example.com", "1-555-0100", year(2019)),
      Contact.of("carl-2015", "Carl Diaz", "carl.old@example.com", "5550300", year(2015)),
      Contact.of("carl-2021", "C. Diaz", "carl@example.com", "555-0300", year(2021)),
      Contact.of("dana-2010", "Dana F.", "dana@example.com", null, year(2010)),
      Contact.of("dana-2022", "Dana Fox", "dana.fox@work.example", "555 0400", year(2022)),
      Contact.of("eve-2012", "Eve G.", "eve@example.com", "5550500", year(2012)),
      Contact.of("frank-2019", "Frank Hill", "frank@example.com", "5550600", year(2019)),
      Contact.of("frank-2017", "Frank Hill", "frank@example.com", "(555) 0600", year(2017)),
      Contact.of("gina-b", "Gina Ito", "gina@example.com", null, year(2018)),
      Contact.of("gina-a", "Gina Ito", "gina@example.com", null, year(2018)));

  private final PriorityContactMatcher matcher = new PriorityContactMatcher(DIRECTORY);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      full name + email + phone beats an older email + phone match | Ann Lee   | ann@example.com      | +1 (555) 0100 | ann-2020      | FULL_NAME_EMAIL_PHONE
      email + phone when no contact has that full name             | Annie Lee | ann@example.com      | 15550100      | ann-work-2019 | EMAIL_PHONE
      email + phone beats an older full name + phone match         | Carl Diaz | carl@example.com     | 555 0300      | carl-2021     | EMAIL_PHONE
      full name + phone beats an older email-only match            | Dana Fox  | dana@example.com     | 5550400       | dana-2022     | FULL_NAME_PHONE
      full name + phone without an email in the form               | Dana Fox  | -                    | 555-0400      | dana-2022     | FULL_NAME_PHONE
      email alone as the last resort                               | Eve Gray  | eve@example.com      | 000           | eve-2012      | EMAIL
      email alone when the form has no phone                       | -         | eve@example.com      | -             | eve-2012      | EMAIL
      phones are compared as digits only                           | Ann Lee   | ann@example.com      | 1.555.0100    | ann-2020      | FULL_NAME_EMAIL_PHONE
      names are compared exactly: case counts                      | ann lee   | ann@example.com      | +1 555 0100   | ann-work-2019 | EMAIL_PHONE
      emails are compared exactly: case counts                     | Eve G.    | EVE@example.com      | -             | -             | -
      surrounding blanks do not count                              | ' Ann Lee '| ' ann@example.com ' | +1 555 0100   | ann-2020      | FULL_NAME_EMAIL_PHONE
      several matches at one level: the earliest created wins      | Frank Hill| frank@example.com    | 555-0600      | frank-2017    | FULL_NAME_EMAIL_PHONE
      created at the same time: the smallest id wins               | Gina Ito  | gina@example.com     | -             | gina-a        | EMAIL
      a phone alone matches nobody                                 | -         | -                    | +1 555 0100   | -             | -
      a full name alone matches nobody                             | Ann Lee   | -                    | -             | -             | -
      full name + phone needs both to agree                        | Ann Lee   | -                    | 555 0300      | -             | -
      data of nobody matches nobody                                | Zed Zane  | zed@example.com      | 5559999       | -             | -
      """)
  void theFirstLevelWithAMatchDecides(String rule, String fullName, String email, String phone,
      String expectedContact, String expectedLevel) {
    FormContactData data = FormContactData.of(fullName, email, phone);

    Optional<Match> found = matcher.find(data);

    assertThat(found.map(match -> match.contact().id())).isEqualTo(Optional.ofNullable(expectedContact));
    assertThat(found.map(Match::level))
        .isEqualTo(Optional.ofNullable(expectedLevel).map(Level::valueOf));
    assertThat(matcher.match(data)).isEqualTo(Optional.ofNullable(expectedContact));
  }

  @Test
  void theMatcherChecksWhatALooserDirectoryReturns() {
    ContactDirectory caseBlind = new ContactDirectory() {
      @Override
      public Collection<Contact> byEmail(String email) {
        return List.of(Contact.of("shouty", "Ann Lee", email.toUpperCase(Locale.ROOT), null,
            year(2000)));
      }

      @Override
      public Collection<Contact> byPhoneDigits(String digits) {
        return List.of();
      }

      @Override
      public Collection<Contact> byFullName(String fullName) {
        return List.of();
      }
    };

    assertThat(new PriorityContactMatcher(caseBlind).match(FormContactData.of(null, "ann@example.com", null)))
        .isEmpty();
  }

  @Test
  void aReplacedContactIsMatchedByItsNewDataOnly() {
    InMemoryContactDirectory directory = InMemoryContactDirectory.of(
        Contact.of("c1", "Old Name", "old@example.com", "111", year(2020)));
    directory.put(Contact.of("c1", "New Name", "new@example.com", "222", year(2020)));
    PriorityContactMatcher local = new PriorityContactMatcher(directory);

    assertThat(local.match(FormContactData.of(null, "old@example.com", null))).isEmpty();
    assertThat(local.match(FormContactData.of(null, "new@example.com", null))).contains("c1");
  }
}

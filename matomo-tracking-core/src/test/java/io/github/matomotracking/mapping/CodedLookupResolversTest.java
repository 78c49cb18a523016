package io.github.matomotracking.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.model.CodedValue;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.LookupKind;
import io.github.matomotracking.model.LookupRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Domain rules, sections 4 and 6: referrer types and action types, "add if missing". */
class CodedLookupResolversTest {

  private static final TestLookups LOOKUPS = TestLookups.defaults();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                                           | referrerType | referrerTypeName | entry name     | added
      a known code resolves to its entry                               | search       | Search Engines   | Search Engines | false
      codes match case-insensitively                                   | SOCIAL       | Social Networks  | Social Networks | false
      an unknown code is added, named after referrerTypeName           | ai           | AI Assistants    | AI Assistants  | true
      an unknown code without referrerTypeName is added, named after the code | ai    | -                | ai             | true
      an unknown code with a blank referrerTypeName is named after the code   | ai    | " "              | ai             | true
      """)
  void referrerTypes(String rule, String code, String typeName, String expectedName, boolean added) {
    LookupAdditions additions = new LookupAdditions();

    Optional<CodedValue> value = ReferrerTypeResolver.resolve(code, typeName, LOOKUPS, additions);

    assertThat(value).isPresent();
    assertThat(value.get().code()).isEqualTo(code);
    assertThat(value.get().lookup().map(LookupRef::name)).contains(expectedName);
    if (added) {
      assertThat(additions.all()).containsExactly(LookupAddition.builder()
          .kind(LookupKind.REFERRER_TYPE).id(LookupIds.referrerType(code)).name(expectedName).code(code).build());
      assertThat(value.get().lookup().map(LookupRef::id)).contains(LookupIds.referrerType(code));
    } else {
      assertThat(additions.all()).isEmpty();
      assertThat(value.get().lookup().map(LookupRef::id)).contains(TestLookups.referrerTypeId(code));
    }
  }

  @Test
  void noReferrerTypeWhenMatomoSentNone() {
    LookupAdditions additions = new LookupAdditions();

    assertThat(ReferrerTypeResolver.resolve(null, "Direct Entry", LOOKUPS, additions)).isEmpty();
    assertThat(ReferrerTypeResolver.resolve(" ", null, LOOKUPS, additions)).isEmpty();
    assertThat(additions.all()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                                         | type           | entry name        | added
      a page view resolves to Following a link                       | action         | Following a link  | false
      an event resolves to Media action                              | event          | Media action      | false
      codes match case-insensitively                                 | DOWNLOAD       | Downloading       | false
      a goal is missing by default and added, named after its code   | goal           | goal              | true
      an ecommerce order is added, named after its code              | ecommerceOrder | ecommerceOrder    | true
      the raw content interaction code 13 is added as 13             | 13             | 13                | true
      """)
  void actionTypes(String rule, String code, String expectedName, boolean added) {
    LookupAdditions additions = new LookupAdditions();

    CodedValue value = ActionTypeResolver.resolve(code, LOOKUPS, additions);

    assertThat(value.code()).isEqualTo(code);
    assertThat(value.lookup().map(LookupRef::name)).contains(expectedName);
    if (added) {
      assertThat(additions.all()).containsExactly(LookupAddition.builder()
          .kind(LookupKind.ACTION_TYPE).id(LookupIds.actionType(code)).name(code).code(code).build());
    } else {
      assertThat(additions.all()).isEmpty();
      assertThat(value.lookup().map(LookupRef::id)).contains(TestLookups.actionTypeId(code));
    }
  }

  @Test
  void anActionWithoutTypeHasNoLookupAndAddsNothing() {
    LookupAdditions additions = new LookupAdditions();

    assertThat(ActionTypeResolver.resolve("", LOOKUPS, additions)).isEqualTo(CodedValue.of("", null));
    assertThat(additions.all()).isEmpty();
  }

  @Test
  void aCodeIsAddedOnceWhateverItsCase() {
    LookupAdditions additions = new LookupAdditions();

    CodedValue first = ActionTypeResolver.resolve("goal", LOOKUPS, additions);
    CodedValue second = ActionTypeResolver.resolve("GOAL", LOOKUPS, additions);

    assertThat(additions.all()).hasSize(1);
    assertThat(second.lookup()).isEqualTo(first.lookup());
    assertThat(second.code()).isEqualTo("GOAL");
  }
}

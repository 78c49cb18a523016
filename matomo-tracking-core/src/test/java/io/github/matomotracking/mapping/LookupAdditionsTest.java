package io.github.matomotracking.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.LookupRef;
import org.junit.jupiter.api.Test;

/** Additions are requested once per batch and handed out once. */
class LookupAdditionsTest {

  @Test
  void eachEntryIsRequestedOnceAndHandedOutOnce() {
    LookupAdditions additions = new LookupAdditions();

    LookupRef goal = additions.actionType("goal");
    additions.webPage("Home", "https://example.com/");
    assertThat(additions.takeNew()).extracting(LookupAddition::name).containsExactly("goal", "Home");

    assertThat(additions.actionType("goal")).isEqualTo(goal);
    additions.referrerType("ai", "AI Assistants");
    assertThat(additions.takeNew()).extracting(LookupAddition::name).containsExactly("AI Assistants");
    assertThat(additions.takeNew()).isEmpty();
    assertThat(additions.all()).extracting(LookupAddition::name).containsExactly("goal", "Home", "AI Assistants");
  }

  @Test
  void discardingForgetsOnlyWhatWasNotHandedOut() {
    LookupAdditions additions = new LookupAdditions();
    additions.actionType("goal");
    additions.takeNew();
    additions.actionType("form-x");
    additions.webPage("Home", "https://example.com/");

    additions.discardNew();

    assertThat(additions.all()).extracting(LookupAddition::name).containsExactly("goal");
    additions.actionType("form-x");
    assertThat(additions.takeNew()).extracting(LookupAddition::name).containsExactly("form-x");
  }
}

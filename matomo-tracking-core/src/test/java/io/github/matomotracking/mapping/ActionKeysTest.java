package io.github.matomotracking.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.model.ImmutableVisitAction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Domain rules, section 6: the natural key of an action. */
class ActionKeysTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                                              | type   | idpageview | pageId | timestamp  | position | key
      a page view is keyed by its idpageview                              | action | aB3xYz     | 77     | 1705312800 | 0        | pv:aB3xYz
      another entry carrying an idpageview is keyed by its pageId          | event  | aB3xYz     | 78     | 1705312810 | 1        | pid:78
      a page view without idpageview is keyed by its pageId                | action | -          | 79     | 1705312820 | 2        | pid:79
      a goal without idpageview and pageId: type, timestamp and position   | goal   | -          | -      | 1705312830 | 3        | t:goal:1705312830:3
      content interactions keep their raw type in the key                  | 13     | -          | -      | 1705312840 | 4        | t:13:1705312840:4
      without a timestamp the key still has type and position              | goal   | -          | -      | -          | 5        | t:goal::5
      """)
  void naturalKeys(String rule, String type, String pageViewId, Long pageId, Long timestamp, int position, String key) {
    ImmutableVisitAction.Builder action = TestVisits.action(position, type).pageViewId(pageViewId);
    if (pageId != null) {
      action.pageId(pageId);
    }
    if (timestamp != null) {
      action.shiftedTimestamp(timestamp);
    }

    assertThat(ActionKeys.naturalKey(action.build())).isEqualTo(key);
  }
}

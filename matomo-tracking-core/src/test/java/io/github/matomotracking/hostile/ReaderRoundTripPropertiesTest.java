package io.github.matomotracking.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.model.Visit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property: any type-valid visit, written as Matomo's JSON in either PHP number style and any
 * escaping, reads back as exactly the visit that was generated, without warnings, with its JSON
 * kept whole in {@link Visit#raw()}.
 */
class ReaderRoundTripPropertiesTest {

  static final int CASES = 400;

  /** Database columns that older PHP sends as texts: the numbers the strings style turns into texts. */
  private static final Set<String> COLUMNS = Set.of("idSite", "idVisit", "visitDuration",
      "actions", "truncatedActionsCount", "pageId", "pageIdAction", "timeSpent", "latitude",
      "longitude", "firstActionTimestamp", "lastActionTimestamp", "timestamp");

  @Test
  void generatedVisitsReadBackAsGeneratedInBothPhpNumberStyles() {
    SeededCases.forAll("generated visits read back as generated", CASES, random -> {
      RandomVisits generator = new RandomVisits(random, random.nextBoolean(), false);
      List<RandomVisits.Generated> generated = new ArrayList<>();
      for (int i = random.nextInt(1, 5); i > 0; i--) {
        generated.add(generator.visit());
      }
      List<Visit> expected = generated.stream().map(RandomVisits.Generated::expected).toList();
      Json.Arr response = new Json.Arr(generated.stream().map(g -> (Json) g.json()).toList());
      Json.Arr olderPhp = (Json.Arr) numbersAsTexts(response, false);
      Json.Writer writer = writer(random);

      ReadBack typed = ReadBack.of(new Trickle(writer.bytes(response), random));
      ReadBack texts = ReadBack.of(new Trickle(writer.bytes(olderPhp), random));

      for (ReadBack read : List.of(typed, texts)) {
        assertThat(read.thrown()).as("thrown").isNull();
        assertThat(read.warnings()).as("warnings").isEmpty();
        assertThat(read.visits()).isEqualTo(expected);
      }
      for (int i = 0; i < expected.size(); i++) {
        assertThat(fieldNames(typed.visits().get(i).raw().fieldNames()))
            .as("raw keeps every field of visit %d, in order", i)
            .isEqualTo(generated.get(i).json().fields().stream().map(Map.Entry::getKey).toList());
      }
    });
  }

  static Json.Writer writer(SplittableRandom random) {
    return new Json.Writer(random.nextBoolean(), random.nextBoolean(), random.nextInt(4) == 0);
  }

  /** The same JSON as older PHP sends it: every number of a database column as a text. */
  static Json numbersAsTexts(Json value, boolean column) {
    if (value instanceof Json.Num number && column) {
      return new Json.Text(number.literal());
    }
    if (value instanceof Json.Arr array) {
      return new Json.Arr(array.elements().stream().map(e -> numbersAsTexts(e, false)).toList());
    }
    if (value instanceof Json.Obj object) {
      return new Json.Obj(object.fields().stream().map(field -> Map.entry(field.getKey(),
          numbersAsTexts(field.getValue(), COLUMNS.contains(field.getKey())))).toList());
    }
    return value;
  }

  private static List<String> fieldNames(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}

package io.github.matomotracking.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.client.MatomoException;
import io.github.matomotracking.client.MatomoTruncatedResponseException;
import io.github.matomotracking.client.MatomoUnreadableResponseException;
import io.github.matomotracking.mapping.SiteTimeZones;
import io.github.matomotracking.mapping.TestLookups;
import io.github.matomotracking.mapping.VisitMapper;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitWarning;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property: a valid response corrupted at one random byte (cut off there, one byte changed, or
 * random bytes inserted) gives either the visits before the damage and a typed
 * {@link MatomoException}, or visits and warnings naming them; never another exception, never a
 * hang; and every visit handed over maps without throwing. A cut is always a
 * {@link MatomoTruncatedResponseException} counting exactly the complete visits before it.
 */
class CorruptionPropertiesTest {

  static final int CASES = 600;
  private static final byte[] GARBAGE = "{}[],:\"\\ 0-.e+truenulfalsNI\u00e9\ud83d\ude00"
      .getBytes(StandardCharsets.UTF_8);

  private enum Damage { CUT, CHANGE, INSERT }

  /** A response and the byte offset just after each of its visits. */
  private record Response(byte[] bytes, List<Visit> visits, int[] visitEnds, int lastBracket) {}

  @Test
  void aCorruptedResponseGivesTheVisitsBeforeTheDamageAndATypedErrorOrWarnings() {
    SeededCases.forAll("corruption gives the valid prefix and a typed error, or warnings",
        CASES, random -> {
          Response response = response(random);
          Damage damage = Damage.values()[random.nextInt(3)];
          int at = random.nextInt(response.bytes().length + (damage == Damage.INSERT ? 1 : 0));
          byte[] corrupted = corrupt(response.bytes(), damage, at, random);

          ReadBack read = ReadBack.of(new Trickle(corrupted, random));

          String context = damage + " at byte " + at + " of " + response.bytes().length + ": "
              + new String(corrupted, StandardCharsets.UTF_8);
          if (read.thrown() != null && !(read.thrown() instanceof MatomoException)) {
            throw new AssertionError("not a MatomoException: " + context, read.thrown());
          }
          int intact = (int) Arrays.stream(response.visitEnds()).filter(end -> end <= at).count();
          assertThat(read.visits().size()).as("visits handed over; " + context)
              .isGreaterThanOrEqualTo(intact);
          assertThat(read.visits().subList(0, intact)).as("the visits before the damage; " + context)
              .isEqualTo(response.visits().subList(0, intact));
          if (damage == Damage.CUT) {
            checkCut(read, response, at, intact, context);
          }
          if (read.thrown() instanceof MatomoTruncatedResponseException truncated) {
            assertThat(truncated.visitsRead()).as(context).isEqualTo(read.visits().size());
          }
          for (VisitWarning warning : read.warnings()) {
            assertThat(warning.position()).as("warning %s names its position", warning.describe())
                .isPresent();
          }
          for (Visit visit : read.visits()) {
            VisitMapper.standard().map(visit, TestLookups.defaults(), SiteTimeZones.none());
          }
        });
  }

  private static void checkCut(ReadBack read, Response response, int at, int intact, String context) {
    if (at == 0) {
      assertThat(read.thrown()).as(context).isExactlyInstanceOf(
          MatomoUnreadableResponseException.class).hasMessageContaining("is empty");
    } else if (at > response.lastBracket()) {
      assertThat(read.thrown()).as("only white space was cut; " + context).isNull();
      assertThat(read.visits()).isEqualTo(response.visits());
    } else {
      assertThat(read.thrown()).as(context).isInstanceOf(MatomoTruncatedResponseException.class);
      assertThat(read.visits()).as(context).hasSize(intact);
    }
  }

  private static Response response(SplittableRandom random) {
    RandomVisits generator = new RandomVisits(random, random.nextBoolean(), false);
    Json.Writer writer = ReaderRoundTripPropertiesTest.writer(random);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Visit> visits = new ArrayList<>();
    int count = random.nextInt(1, 6);
    int[] ends = new int[count];
    out.writeBytes("[".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < count; i++) {
      RandomVisits.Generated visit = generator.visit();
      if (i > 0) {
        out.writeBytes((writer.pretty() ? ",\n" : ",").getBytes(StandardCharsets.UTF_8));
      }
      out.writeBytes(writer.bytes(visit.json()));
      ends[i] = out.size();
      visits.add(visit.expected());
    }
    out.writeBytes("]".getBytes(StandardCharsets.UTF_8));
    int lastBracket = out.size() - 1;
    if (writer.pretty()) {
      out.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
    }
    return new Response(out.toByteArray(), visits, ends, lastBracket);
  }

  private static byte[] corrupt(byte[] bytes, Damage damage, int at, SplittableRandom random) {
    switch (damage) {
      case CUT:
        return Arrays.copyOf(bytes, at);
      case CHANGE:
        byte[] changed = bytes.clone();
        changed[at] = (byte) (changed[at] ^ random.nextInt(1, 256));
        return changed;
      default:
        byte[] garbage = new byte[random.nextInt(1, 9)];
        for (int i = 0; i < garbage.length; i++) {
          garbage[i] = random.nextBoolean() ? GARBAGE[random.nextInt(GARBAGE.length)]
              : (byte) random.nextInt(256);
        }
        byte[] inserted = new byte[bytes.length + garbage.length];
        System.arraycopy(bytes, 0, inserted, 0, at);
        System.arraycopy(garbage, 0, inserted, at, garbage.length);
        System.arraycopy(bytes, at, inserted, at + garbage.length, bytes.length - at);
        return inserted;
    }
  }
}

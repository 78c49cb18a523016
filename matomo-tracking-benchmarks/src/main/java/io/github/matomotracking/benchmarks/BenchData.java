package io.github.matomotracking.benchmarks;

import io.github.matomotracking.client.LiveResponseReader;
import io.github.matomotracking.mapping.SiteTimeZones;
import io.github.matomotracking.model.Visit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory data sets of the JMH benchmarks: a generated response of a given size, always
 * with the same seed and templates, so the benchmarks and the report that turns their scores
 * into visits per second see the same visits.
 */
public final class BenchData {

  /** The seed of every benchmark data set. */
  public static final long SEED = 42;

  /** The response, its visit and action counts. */
  public record Response(byte[] json, int visits, long actions, String templates) {

    /**
     * The size in MB (10^6 bytes).
     *
     * @return megabytes
     */
    public double megabytes() {
      return json.length / 1e6;
    }
  }

  private BenchData() {}

  /**
   * Generates a response of about {@code megabytes} MiB with {@link #SEED}, using the fixture
   * field sets when {@code -Dmatomo.shared.dir} points at the shared folder.
   *
   * @param megabytes the target size in MiB
   * @return the response
   */
  public static Response response(int megabytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(megabytes * (1 << 20) + (1 << 20));
    GenerationSummary summary = new LiveResponseGenerator(VisitTemplates.choose(null), SEED)
        .writeBytes(out, (long) megabytes << 20);
    return new Response(out.toByteArray(), (int) summary.visits(), summary.actions(),
        summary.templates());
  }

  /**
   * The visits of a response, read with the library's reader.
   *
   * @param response the response
   * @return the visits, in order
   */
  public static List<Visit> visits(Response response) {
    List<Visit> visits = new ArrayList<>(response.visits());
    new LiveResponseReader().read(new ByteArrayInputStream(response.json()), 200, visits::add,
        warning -> { });
    return visits;
  }

  /**
   * The time zones of the synthetic sites, as a client would have fetched them.
   *
   * @return the zones
   */
  public static SiteTimeZones siteZones() {
    Map<Long, ZoneId> zones = new HashMap<>();
    for (SyntheticWorld.Site site : SyntheticWorld.SITES) {
      zones.put((long) site.id(), site.zone());
    }
    return SiteTimeZones.of(zones);
  }
}

package io.github.matomotracking.examples.cli;

import io.github.matomotracking.client.LiveResponseReader;
import io.github.matomotracking.client.MatomoException;
import io.github.matomotracking.client.ReadSummary;
import io.github.matomotracking.mapping.MappingBatch;
import io.github.matomotracking.mapping.SiteTimeZone;
import io.github.matomotracking.mapping.SiteTimeZones;
import io.github.matomotracking.mapping.VisitMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code map FILE... [--lookups DIR] [--site-timezone SITE=ZONE]...}: reads Live JSON responses
 * and writes what the mapper makes of each visit as JSON Lines. All files form one mapping batch,
 * so a lookup addition is printed once.
 */
final class MapCommand implements Command {

  @Override
  public String name() {
    return "map";
  }

  @Override
  public String usage() {
    return "map FILE... [--lookups DIR] [--site-timezone SITE=ZONE]...";
  }

  @Override
  public int run(List<String> rawArgs, PrintStream out, PrintStream err) throws IOException {
    CliArgs args = CliArgs.parse(rawArgs, Set.of("lookups", "site-timezone"), Set.of());
    if (args.positional().isEmpty()) {
      throw new UsageException("no input file given");
    }
    SiteTimeZones zones = SiteTimeZones.of(siteZones(args.all("site-timezone")));
    MappingBatch batch =
        VisitMapper.standard().newBatch(CliLookups.load(args.single("lookups")).snapshot(), zones);
    LiveResponseReader reader = new LiveResponseReader();
    JsonLinesWriter writer = new JsonLinesWriter(out);
    int exit = ExitCode.OK;
    int visits = 0;
    int skipped = 0;
    for (String file : args.positional()) {
      try (InputStream in = Files.newInputStream(Path.of(file))) {
        ReadSummary summary =
            reader.read(in, -1, visit -> writer.write(batch.map(visit)), writer::warning);
        visits += summary.visitsRead();
        skipped += summary.visitsSkipped();
      } catch (NoSuchFileException e) {
        writer.flush();
        throw new UsageException("no such file: " + file);
      } catch (MatomoException e) {
        writer.flush();
        err.println(file + ": " + e.getMessage());
        exit = ExitCode.MATOMO_ERROR;
      }
    }
    writer.flush();
    err.printf("map: %d visits mapped, %d skipped with a warning, %d files%n",
        visits, skipped, args.positional().size());
    return exit;
  }

  private static Map<Long, ZoneId> siteZones(List<String> specs) {
    Map<Long, ZoneId> zones = new HashMap<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--site-timezone wants SITE=ZONE, got: " + spec);
      }
      long site;
      try {
        site = Long.parseLong(spec.substring(0, eq).trim());
      } catch (NumberFormatException e) {
        throw new UsageException("--site-timezone: not a site id: " + spec.substring(0, eq));
      }
      String zone = spec.substring(eq + 1).trim();
      zones.put(site, SiteTimeZone.parse(zone)
          .orElseThrow(() -> new UsageException("--site-timezone: unknown time zone: " + zone)));
    }
    return zones;
  }
}

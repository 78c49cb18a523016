package io.github.matomotracking.benchmarks;

import io.github.matomotracking.mapping.LookupSnapshot;
import io.github.matomotracking.mapping.MappingBatch;
import io.github.matomotracking.mapping.SiteTimeZones;
import io.github.matomotracking.mapping.VisitMapper;
import io.github.matomotracking.model.Visit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Mapping the visits of one generated response (read beforehand) with a fresh
 * {@link MappingBatch}, as a client maps one page of results. One operation maps every visit;
 * the report divides by the visit and action counts and compares with
 * {@link ParseBenchmark#reader} on the same response (target: mapping costs less than a quarter
 * of parsing).
 *
 * <ul>
 *   <li>{@code lookups=default}: the shipped defaults, no web pages: every page becomes an
 *       addition (once per batch);
 *   <li>{@code lookups=large}: 100,000 web pages and 50,000 cities that the visits mostly hit.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MappingBenchmark {

  /** Target size of the response in MiB (the same response as {@link ParseBenchmark}). */
  @Param("10")
  public int megabytes;

  /** Which lookups: {@code default} or {@code large}. */
  @Param({"default", "large"})
  public String lookups;

  private List<Visit> visits;
  private LookupSnapshot snapshot;
  private final SiteTimeZones zones = BenchData.siteZones();
  private final VisitMapper mapper = VisitMapper.standard();

  /** Reads the visits and builds the lookups once per trial. */
  @Setup(Level.Trial)
  public void prepare() {
    visits = BenchData.visits(BenchData.response(megabytes));
    snapshot = "large".equals(lookups) ? BenchLookups.large() : BenchLookups.defaults();
  }

  /**
   * Maps every visit with one new batch.
   *
   * @param sink receives the mapped visits
   */
  @Benchmark
  public void map(Blackhole sink) {
    MappingBatch batch = mapper.newBatch(snapshot, zones);
    for (Visit visit : visits) {
      sink.consume(batch.map(visit));
    }
  }
}

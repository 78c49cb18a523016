package io.github.matomotracking.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.matomotracking.client.LiveResponseReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
 * Reading one generated response held in memory. One operation reads the whole response; the
 * report divides by its visit count and size.
 *
 * <ul>
 *   <li>{@link #tokenPass}: the <em>baseline</em>, Jackson's bare token pass ({@code nextToken()}
 *       to the end, no value decoded, nothing bound): the least any JSON reader must do;
 *   <li>{@link #tokenPassWithValues}: the token pass plus decoding every text and number (no
 *       objects built), for reference: what decoding the values costs;
 *   <li>{@link #reader}: {@link LiveResponseReader#read}, visits handed to a black hole.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ParseBenchmark {

  /** Target size of the response in MiB. */
  @Param("10")
  public int megabytes;

  private byte[] json;
  private final JsonFactory factory = new JsonFactory();
  private final LiveResponseReader reader = new LiveResponseReader();

  /** Generates the response once per trial. */
  @Setup(Level.Trial)
  public void generate() {
    json = BenchData.response(megabytes).json();
  }

  /**
   * Baseline: every token, nothing decoded.
   *
   * @return the token count
   * @throws IOException never (memory)
   */
  @Benchmark
  public long tokenPass() throws IOException {
    long tokens = 0;
    try (JsonParser parser = factory.createParser(new ByteArrayInputStream(json))) {
      while (parser.nextToken() != null) {
        tokens++;
      }
    }
    return tokens;
  }

  /**
   * Reference: every token, every text and number decoded, nothing built.
   *
   * @param sink receives the values
   * @throws IOException never (memory)
   */
  @Benchmark
  public void tokenPassWithValues(Blackhole sink) throws IOException {
    try (JsonParser parser = factory.createParser(new ByteArrayInputStream(json))) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case FIELD_NAME, VALUE_STRING -> sink.consume(parser.getText());
          case VALUE_NUMBER_INT -> sink.consume(parser.getLongValue());
          case VALUE_NUMBER_FLOAT -> sink.consume(parser.getDoubleValue());
          default -> { }
        }
      }
    }
  }

  /**
   * Ours: the library's streaming reader, visits discarded.
   *
   * @param sink receives the visits and warnings
   * @return the visit count
   */
  @Benchmark
  public int reader(Blackhole sink) {
    return reader.read(new ByteArrayInputStream(json), 200, sink::consume, sink::consume)
        .visitsRead();
  }
}

package io.github.matomotracking.load;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.matomotracking.client.fake.FakeMatomo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts {@link FakeMatomo} behind a small, jittery latency and, for a share of requests, a fault
 * the client must retry through: HTTP 503, an HTML 500, "Could not run the query in time.", a
 * reset connection, or a response cut at a random byte. Counts what it did.
 */
final class FaultInjector implements ResponseDefinitionTransformerV2 {

  static final String NAME = "fault-injector";

  /** The faults, each injected with the same share of the faulty requests. */
  enum Kind {
    HTTP_503, HTML_500, QUERY_TIME_OUT, CONNECTION_RESET, CUT_BODY
  }

  private final FakeMatomo fake;
  private final double faultShare;
  private final int maxLatencyMillis;
  private final AtomicLong requests = new AtomicLong();
  private final Map<Kind, AtomicLong> injected = new ConcurrentHashMap<>();

  FaultInjector(FakeMatomo fake, double faultShare, int maxLatencyMillis) {
    this.fake = fake;
    this.faultShare = faultShare;
    this.maxLatencyMillis = maxLatencyMillis;
    for (Kind kind : Kind.values()) {
      injected.put(kind, new AtomicLong());
    }
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  long requests() {
    return requests.get();
  }

  long injected() {
    return injected.values().stream().mapToLong(AtomicLong::get).sum();
  }

  Map<Kind, Long> injectedByKind() {
    Map<Kind, Long> copy = new java.util.EnumMap<>(Kind.class);
    injected.forEach((kind, count) -> copy.put(kind, count.get()));
    return copy;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    requests.incrementAndGet();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    ResponseDefinition answer = fake.transform(event);
    int latency = maxLatencyMillis == 0 ? 0 : random.nextInt(maxLatencyMillis + 1);
    ResponseDefinitionBuilder response = ResponseDefinitionBuilder.like(answer).but().withFixedDelay(latency);
    if (random.nextDouble() >= faultShare) {
      return response.build();
    }
    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
    injected.get(kind).incrementAndGet();
    switch (kind) {
      case HTTP_503:
        return response.withStatus(503).withBody("Service Unavailable").build();
      case HTML_500:
        return response.withStatus(500).withHeader("Content-Type", "text/html")
            .withBody("<html><body>Internal Server Error</body></html>").build();
      case QUERY_TIME_OUT:
        return response.withStatus(200).withBody(FakeMatomo.error("Could not run the query in time.")).build();
      case CONNECTION_RESET:
        return response.withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      default:
        String body = answer.getBody() == null ? "" : answer.getBody();
        int cut = body.length() < 2 ? 0 : 1 + random.nextInt(body.length() - 1);
        return response.withStatus(200).withBody(body.substring(0, cut)).build();
    }
  }
}

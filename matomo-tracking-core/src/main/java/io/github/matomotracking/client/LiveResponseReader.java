package io.github.matomotracking.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitWarning;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a {@code Live.getLastVisitsDetails} JSON response one visit at a time, never holding the
 * whole response in memory: each visit object is read, decoded into a {@link Visit} (its JSON kept
 * as {@link Visit#raw()}) and handed over before the next one is read.
 *
 * <p><strong>Lenient</strong> where Matomo varies: numbers may come as JSON numbers or texts
 * ({@code 35}, {@code "35"}, {@code "10.0"}); {@code null}, {@code false} and blank texts mean
 * absent; unknown fields, referrer types and action types pass through. A visit object without a
 * usable {@code idSite}, {@code idVisit} or {@code firstActionTimestamp} (a time between 1970 and
 * 9999), or an array element that is not an object, is skipped with a {@link VisitWarning}; a bad
 * optional field is left out with a warning and the visit kept; a field given twice in a visit or
 * action keeps its last value, with a warning.
 *
 * <p><strong>Clear</strong> where the response is wrong: a Matomo error object becomes the typed
 * exception {@link MatomoErrors} chooses; a body that is not JSON (an HTML login page, for
 * example), malformed JSON, or JSON of another shape becomes a {@link
 * MatomoUnreadableResponseException} saying what and where; a body cut off in the middle becomes a
 * {@link MatomoTruncatedResponseException} after the complete visits were handed over.
 *
 * <p>{@link Visit#raw()} and {@link io.github.matomotracking.model.VisitAction#raw()} are built
 * from the visit's bytes, which the reader keeps, when first used (once, safely from any thread):
 * a visit whose raw JSON nobody reads costs no tree. Fields the model does not use are checked
 * against the {@link ReaderOptions limits} but not decoded. In the raw JSON values are what
 * Jackson's tree model makes of them: texts stay texts, whole numbers become int, long or
 * big-integer nodes, numbers with a fraction become double nodes ({@code latitude} and
 * {@code longitude} keep their digits as sent in the typed model).
 *
 * <p>Thread-safe and meant to be shared: it holds only its options and a configured Jackson
 * {@link JsonFactory}; each call gets its own parser.
 */
public final class LiveResponseReader {

  private static final JsonFactory DEFAULT_FACTORY = jsonFactory(ReaderOptions.defaults());

  private final ReaderOptions options;
  private final JsonFactory factory;

  /** A reader with the {@link ReaderOptions#defaults() default options}. */
  public LiveResponseReader() {
    this(ReaderOptions.defaults());
  }

  /**
   * A reader with its own limits.
   *
   * @param options the limits
   */
  public LiveResponseReader(ReaderOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.factory =
        options.equals(ReaderOptions.defaults()) ? DEFAULT_FACTORY : jsonFactory(options);
  }

  /**
   * The limits this reader applies.
   *
   * @return the options
   */
  public ReaderOptions options() {
    return options;
  }

  /**
   * Reads the whole response, handing each visit to {@code visits} as soon as it is complete.
   * Warnings are handed to {@code warnings} before the visit they were raised with (a skipped
   * visit's warning comes in its place); when reading fails, the warnings gathered so far are
   * still handed over before the exception is thrown.
   *
   * @param body the response body; read to the end of the visit array, not closed by this method
   * @param httpStatus the HTTP status the body came with, or -1 when there was none (a file)
   * @param visits receives each visit, in order
   * @param warnings receives a warning for each visit object that had to be skipped and for each
   *     field left out
   * @return counts
   * @throws MatomoException a Matomo error object, non-JSON, or truncated JSON
   */
  public ReadSummary read(
      InputStream body,
      int httpStatus,
      Consumer<? super Visit> visits,
      Consumer<? super VisitWarning> warnings) {
    Objects.requireNonNull(visits, "visits");
    Objects.requireNonNull(warnings, "warnings");
    try (VisitCursor cursor = open(body, httpStatus)) {
      try {
        for (Visit visit = cursor.next(); visit != null; visit = cursor.next()) {
          handOver(cursor.drainWarnings(), warnings);
          visits.accept(visit);
        }
      } finally {
        handOver(cursor.drainWarnings(), warnings);
      }
      return new ReadSummary(cursor.visitsRead(), cursor.visitsSkipped());
    }
  }

  /**
   * Opens a pull cursor over the response: the form behind a lazy {@code Stream<Visit>}. It reads
   * the body up to the start of the visit array now, and each visit when asked.
   *
   * @param body the response body; the cursor does not close it, even when closed itself
   * @param httpStatus the HTTP status the body came with, or -1 when there was none
   * @return the cursor, to be closed by the caller
   * @throws MatomoException the body is a Matomo error, not JSON, or JSON of another shape
   */
  public VisitCursor open(InputStream body, int httpStatus) {
    Objects.requireNonNull(body, "body");
    return VisitCursor.open(factory, options, body, httpStatus);
  }

  private static void handOver(
      List<VisitWarning> drained, Consumer<? super VisitWarning> warnings) {
    for (VisitWarning warning : drained) {
      warnings.accept(warning);
    }
  }

  private static JsonFactory jsonFactory(ReaderOptions options) {
    return JsonFactory.builder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(options.maxNestingDepth())
                .maxStringLength(options.maxStringLength())
                .maxNameLength(options.maxNameLength())
                .build())
        // the caller owns the body stream
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        // locations in messages must never quote the body
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
  }
}

package io.github.matomotracking.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.matomotracking.model.Nullable;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitWarning;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Pulls the visits of one {@code Live.getLastVisitsDetails} response one at a time, reading the
 * body only as far as needed: {@link #next()} gives the next visit, or null after the last one.
 * Visit objects that cannot be used (no {@code idVisit}, for example) are skipped; the warnings
 * saying so, and the warnings about unusable fields of kept visits, collect until
 * {@link #drainWarnings()}.
 *
 * <p>Get one from {@link LiveResponseReader#open(InputStream, int)}. A cursor belongs to one
 * thread at a time. {@link #close()} releases the parser but does <strong>not</strong> close the
 * body stream: whoever opened the stream closes it (the HTTP client closes its response body).
 *
 * <p>Once {@link #next()} has thrown, every further call throws the same exception.
 */
public final class VisitCursor implements Closeable {


  private enum State {
    READING,
    FINISHED,
    FAILED,
    CLOSED
  }

  private final JsonParser parser;
  private final ResponseSource source;
  private final int httpStatus;
  private final VisitDecoder decoder;
  private final List<VisitWarning> warnings = new ArrayList<>();
  private int position;
  private int visitsRead;
  private int visitsSkipped;
  private boolean insideVisit;
  private boolean insideTopLevelObject;
  private State state = State.READING;
  private MatomoException failure;

  private VisitCursor(JsonParser parser, JsonFactory factory, ResponseSource source,
      VisitBytes bytes, int httpStatus, ReaderOptions options) {
    this.parser = parser;
    this.source = source;
    this.httpStatus = httpStatus;
    this.decoder = new VisitDecoder(parser, factory, bytes, options);
  }

  /**
   * Opens a cursor and reads up to the start of the visit array.
   *
   * @throws MatomoException the body is a Matomo error, not JSON, or not an array
   */
  static VisitCursor open(
      JsonFactory factory, ReaderOptions options, InputStream body, int httpStatus) {
    ResponseSource source = new ResponseSource(body);
    VisitBytes bytes = new VisitBytes(source, VisitBytes.maxBytes(options));
    JsonParser parser;
    try {
      parser = factory.createParser(bytes);
      if (!(parser instanceof UTF8StreamJsonParser)) {
        // Jackson found UTF-16 or UTF-32 (a byte order mark or zero bytes): the visits' bytes
        // are kept in UTF-8, so the decoded text is encoded again
        bytes = new VisitBytes(new Utf8Input((Reader) parser.getInputSource()),
            VisitBytes.maxBytes(options));
        parser = factory.createParser(bytes);
      }
    } catch (IOException e) {
      throw startFailure(source, httpStatus, e);
    }
    VisitCursor cursor = new VisitCursor(parser, factory, source, bytes, httpStatus, options);
    try {
      cursor.start();
      return cursor;
    } catch (RuntimeException e) {
      cursor.close();
      throw e;
    }
  }

  /**
   * The next visit of the response.
   *
   * @return the visit, or null when the response has no more
   * @throws MatomoTruncatedResponseException the response ends in the middle (the visits returned
   *     before stay valid)
   * @throws MatomoUnreadableResponseException the JSON is malformed, not UTF-8, has content after
   *     the array, or passes a {@link ReaderOptions} limit
   * @throws MatomoTransportException reading the body failed
   * @throws IllegalStateException the cursor was closed
   */
  public @Nullable Visit next() {
    switch (state) {
      case FINISHED:
        return null;
      case FAILED:
        throw failure;
      case CLOSED:
        throw new IllegalStateException("This visit cursor is closed");
      default:
        break;
    }
    try {
      while (true) {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
          finish();
          return null;
        }
        if (token == null) {
          throw new JsonEOFException(parser, null, "end of input inside the visit array");
        }
        int at = position++;
        decoder.startElement();
        if (token == JsonToken.START_OBJECT) {
          insideVisit = true;
          Visit visit = decoder.readVisit(at, warnings);
          insideVisit = false;
          if (visit != null) {
            visitsRead++;
            return visit;
          }
        } else {
          JsonNode element = decoder.readValue(token);
          warnings.add(VisitDecoder.warning(at, LenientValues.ABSENT, LenientValues.ABSENT,
              "skipped: the element is " + LenientValues.describe(element)
                  + ", not a visit object"));
        }
        visitsSkipped++;
      }
    } catch (IOException e) {
      throw fail(translate(e));
    }
  }

  /**
   * The warnings raised since the last call, oldest first; the cursor forgets them.
   *
   * @return the warnings (possibly empty), a list the caller owns
   */
  public List<VisitWarning> drainWarnings() {
    if (warnings.isEmpty()) {
      return List.of();
    }
    List<VisitWarning> drained = new ArrayList<>(warnings);
    warnings.clear();
    return drained;
  }

  /**
   * Visits returned by {@link #next()} so far.
   *
   * @return the count
   */
  public int visitsRead() {
    return visitsRead;
  }

  /**
   * Elements of the response array skipped with a warning so far.
   *
   * @return the count
   */
  public int visitsSkipped() {
    return visitsSkipped;
  }

  /**
   * Releases the parser. Does not close the body stream, which stays the caller's to close.
   * Closing twice is harmless; {@link #next()} throws after closing.
   */
  @Override
  public void close() {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    try {
      parser.close();
    } catch (IOException ignored) {
      // nothing was written; the caller's stream is untouched
    }
  }

  @Override
  public String toString() {
    return "VisitCursor[" + state + ", read " + visitsRead + ", skipped " + visitsSkipped + "]";
  }

  // ---------------------------------------------------------------- start of the response

  private void start() {
    JsonToken first;
    try {
      first = parser.nextToken();
    } catch (StreamConstraintsException e) {
      throw translate(e);
    } catch (JsonProcessingException | CharConversionException e) {
      throw notJson(e);
    } catch (IOException e) {
      throw translate(e);
    }
    if (first == null) {
      source.fillStart();
      String what = source.keptLength() == 0 ? "empty" : "only white space, no JSON";
      throw unusableBody("Matomo's response is " + what);
    }
    switch (first) {
      case START_ARRAY:
        return;
      case START_OBJECT:
        throw topLevelObject();
      default:
        throw unusableBody("Matomo's response is JSON but " + describeScalar(first)
            + ", not the expected array of visits");
    }
  }

  private MatomoException topLevelObject() {
    JsonNode object;
    insideTopLevelObject = true;
    try {
      decoder.startElement();
      object = decoder.readValue(JsonToken.START_OBJECT);
    } catch (IOException e) {
      return translate(e);
    }
    JsonNode result = object.get("result");
    if (result != null && result.isTextual() && "error".equalsIgnoreCase(result.textValue().trim())) {
      JsonNode message = object.get("message");
      String text =
          message == null || message.isNull()
              ? null
              : message.isTextual() ? message.textValue() : message.toString();
      return MatomoErrors.fromErrorBody(httpStatus, MatomoErrors.unescapeHtml(text));
    }
    StringBuilder fields = new StringBuilder();
    Iterator<String> names = object.fieldNames();
    for (int shown = 0; names.hasNext(); shown++) {
      if (shown == 8) {
        fields.append(", \u2026");
        break;
      }
      fields.append(shown == 0 ? "" : ", ").append(SafeText.value(names.next(), false));
    }
    String content = fields.length() == 0 ? "an empty JSON object" : "a JSON object with "
        + fields;
    return unusableBody("Matomo's response is " + content
        + ", not the expected array of visits (nor a Matomo error)");
  }

  private MatomoException notJson(IOException cause) {
    return startFailure(source, httpStatus, cause);
  }

  private static MatomoException startFailure(
      ResponseSource source, int httpStatus, IOException cause) {
    if (!(cause instanceof JsonProcessingException) && !(cause instanceof CharConversionException)) {
      return transportFailure(cause, httpStatus, "before the first visit");
    }
    source.fillStart();
    String description = source.describeAsNonJson("Matomo's response");
    String status = httpStatus < 0 ? "" : " (HTTP " + httpStatus + ")";
    return MatomoErrors.fromHttpStatus(httpStatus, description, null)
        .orElseGet(() -> new MatomoUnreadableResponseException(
            description + status, httpStatus, null, null));
  }

  // ---------------------------------------------------------------- end of the response

  private void finish() throws IOException {
    JsonToken extra;
    try {
      extra = parser.nextToken();
    } catch (JsonParseException e) {
      extra = JsonToken.NOT_AVAILABLE;
    }
    if (extra != null) {
      throw fail(unreadable("Matomo's response has more content after the end of the visit"
          + " array, " + where(parser.currentLocation()) + ", after " + visitsText()
          + status() + "; the visits were read, but the response is suspect (PHP notices?)",
          null, null));
    }
    state = State.FINISHED;
  }

  // ---------------------------------------------------------------- errors

  private MatomoException fail(MatomoException exception) {
    state = State.FAILED;
    failure = exception;
    return exception;
  }

  private MatomoException translate(IOException e) {
    if (e instanceof StreamConstraintsException) {
      JsonLocation location = located((JsonProcessingException) e);
      return unreadable("Matomo's response passes a limit of the reader " + where(location)
          + ", after " + visitsText() + status() + ": "
          + SafeText.oneLine(((JsonProcessingException) e).getOriginalMessage(), 300), null, e);
    }
    if (e instanceof JsonEOFException
        || (e instanceof JsonParseException && errorIsAtEndOfInput())) {
      JsonLocation location = located((JsonProcessingException) e);
      String inside =
          insideTopLevelObject
              ? "inside the top-level JSON object"
              : insideVisit ? "inside visit #" + (position - 1) : "inside the visit array";
      return new MatomoTruncatedResponseException(
          "Matomo's response is truncated after " + visitsText() + ": the JSON ends " + inside
              + ", " + where(location) + status()
              + ". The visits before the cut were handed over; ask again for the rest.",
          httpStatus,
          visitsRead,
          e instanceof JsonEOFException ? e : null);
    }
    if (e instanceof JsonParseException) {
      JsonProcessingException parse = (JsonProcessingException) e;
      String reason = parse.getOriginalMessage() == null ? "" : parse.getOriginalMessage();
      if (reason.startsWith("Invalid UTF-8")) {
        return unreadable("Matomo's response is not valid UTF-8 " + where(located(parse))
            + ", after " + visitsText() + status() + ": " + SafeText.oneLine(reason, 120),
            null, e);
      }
      // Jackson's own message may quote the offending text: it is shortened and masked here,
      // and the exception itself is not kept as the cause.
      return unreadable("Matomo's response is not valid JSON " + where(located(parse))
          + ", after " + visitsText() + status() + ": " + SafeText.oneLine(reason, 160),
          null, null);
    }
    if (e instanceof CharConversionException || e instanceof JsonProcessingException) {
      return unreadable("Matomo's response cannot be decoded " + where(parser.currentLocation())
          + ", after " + visitsText() + status() + ": "
          + SafeText.oneLine(String.valueOf(e.getMessage()), 160), null, e);
    }
    return transportFailure(e, httpStatus, "after " + visitsText());
  }

  private static MatomoException transportFailure(IOException e, int httpStatus, String when) {
    String message = "Reading Matomo's response failed " + when + ": "
        + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + SafeText.oneLine(e.getMessage(), 200));
    if (e instanceof HttpTimeoutException || e instanceof SocketTimeoutException) {
      return new MatomoRequestTimeoutException(message, httpStatus, null, e);
    }
    return new MatomoTransportException(message, httpStatus, null, e);
  }

  /**
   * Whether a parse error happened at the very end of the body (a cut inside {@code true} or a
   * number, for example), which makes it a truncation rather than garbage.
   */
  private boolean errorIsAtEndOfInput() {
    if (!source.endReached()) {
      return false;
    }
    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    try {
      if (parser.releaseBuffered(rest) < 0) {
        return false;
      }
    } catch (IOException e) {
      return false;
    }
    for (byte b : rest.toByteArray()) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /** A body that is no Live answer: an error status decides the type, else it is unreadable. */
  private MatomoException unusableBody(String description) {
    return MatomoErrors.fromHttpStatus(httpStatus, description, null)
        .orElseGet(() -> unreadable(description + status(), null, null));
  }

  private MatomoUnreadableResponseException unreadable(
      String message, String matomoMessage, Throwable cause) {
    return new MatomoUnreadableResponseException(message, httpStatus, matomoMessage, cause);
  }

  private JsonLocation located(JsonProcessingException e) {
    return e.getLocation() != null ? e.getLocation() : parser.currentLocation();
  }

  private static String where(JsonLocation location) {
    if (location == null) {
      return "(position unknown)";
    }
    String at = "at line " + location.getLineNr() + ", column " + location.getColumnNr();
    long offset = location.getByteOffset() >= 0 ? location.getByteOffset()
        : location.getCharOffset();
    return offset >= 0 ? at + " (offset " + offset + ")" : at;
  }

  private String visitsText() {
    String read = visitsRead + (visitsRead == 1 ? " complete visit" : " complete visits");
    return visitsSkipped == 0 ? read : read + " (and " + visitsSkipped + " skipped)";
  }

  private String status() {
    return httpStatus < 0 ? "" : " (HTTP " + httpStatus + ")";
  }

  private static String describeScalar(JsonToken token) {
    switch (token) {
      case VALUE_STRING:
        return "a text";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
        return "true";
      case VALUE_FALSE:
        return "false";
      case VALUE_NULL:
        return "null";
      default:
        return "a " + token;
    }
  }
}

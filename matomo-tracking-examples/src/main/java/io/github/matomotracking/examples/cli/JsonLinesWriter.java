package io.github.matomotracking.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.matomotracking.model.CodedValue;
import io.github.matomotracking.model.GeoValue;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.LookupRef;
import io.github.matomotracking.model.MappedVisit;
import io.github.matomotracking.model.VisitWarning;
import io.github.matomotracking.model.WebAction;
import io.github.matomotracking.model.WebPageRef;
import io.github.matomotracking.model.WebSession;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes mapped visits as JSON Lines in the {@code map} format of the README: one object per line,
 * {@code kind} first, absent values as {@code null}, field order fixed.
 */
public final class JsonLinesWriter implements Flushable {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().build().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private final JsonGenerator json;

  /** A writer onto {@code out} (UTF-8; the stream is not closed by this writer). */
  public JsonLinesWriter(OutputStream out) {
    try {
      this.json = FACTORY.createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    json.setRootValueSeparator(null);
  }

  /** Writes the additions, then the session, its actions and the warnings of one visit. */
  public void write(MappedVisit visit) {
    write(visit, Map.of());
  }

  /**
   * Writes one visit with extra top-level fields (such as {@code contactId}) added to the session
   * and action lines.
   */
  public void write(MappedVisit visit, Map<String, String> extra) {
    for (LookupAddition addition : visit.additions()) {
      addition(addition);
    }
    session(visit.session(), extra);
    for (WebAction action : visit.actions()) {
      action(action, extra);
    }
    for (VisitWarning warning : visit.warnings()) {
      warning(warning);
    }
  }

  /** Writes a {@code session} line. */
  public void session(WebSession s, Map<String, String> extra) {
    line(() -> {
      json.writeStringField("kind", "session");
      json.writeNumberField("siteId", s.siteId());
      json.writeStringField("visitId", Long.toString(s.visitId()));
      extras(extra);
      text("visitorId", s.visitorId());
      text("userId", s.userId());
      instant("startDate", Optional.of(s.startDate()));
      instant("lastActionDate", s.lastActionDate());
      json.writeNumberField("durationSeconds", s.durationSeconds());
      json.writeNumberField("actionCount", s.actionCount());
      geo("country", s.country(), true);
      geo("region", s.region(), true);
      geo("city", s.city(), false);
      text("location", s.location());
      ref("source", s.source());
      ref("channel", s.channel());
      coded("referrerType", s.referrerType());
      text("referrerName", s.referrerName());
      text("referrerKeyword", s.referrerKeyword());
      text("referrerUrl", s.referrerUrl());
      text("utmId", s.utmId());
      text("utmSource", s.utmSource());
      text("utmMedium", s.utmMedium());
      text("utmCampaign", s.utmCampaign());
      text("utmTerm", s.utmTerm());
      text("utmContent", s.utmContent());
      text("platform", s.platform());
      text("device", s.device());
      text("ipAddress", s.ipAddress());
      text("language", s.language());
    });
  }

  /** Writes an {@code action} line. */
  public void action(WebAction a, Map<String, String> extra) {
    line(() -> {
      json.writeStringField("kind", "action");
      json.writeNumberField("siteId", a.siteId());
      json.writeStringField("visitId", Long.toString(a.visitId()));
      extras(extra);
      text("actionId", a.actionId());
      instant("date", a.date());
      coded("type", Optional.of(a.type()));
      json.writeFieldName("webPage");
      if (a.webPage().isPresent()) {
        WebPageRef page = a.webPage().get();
        json.writeStartObject();
        json.writeStringField("lookup", page.lookupId());
        json.writeStringField("name", page.name());
        json.writeStringField("url", page.url());
        json.writeEndObject();
      } else {
        json.writeNull();
      }
      text("url", a.url());
      text("title", a.title());
    });
  }

  /** Writes a {@code lookup-addition} line. */
  public void addition(LookupAddition addition) {
    line(() -> {
      json.writeStringField("kind", "lookup-addition");
      json.writeStringField("lookup", addition.kind().wireName());
      json.writeStringField("id", addition.id());
      json.writeStringField("name", addition.name());
      if (addition.code().isPresent()) {
        json.writeStringField("code", addition.code().get());
      }
      if (addition.url().isPresent()) {
        json.writeStringField("url", addition.url().get());
      }
    });
  }

  /** Writes a {@code warning} line. */
  public void warning(VisitWarning warning) {
    line(() -> {
      json.writeStringField("kind", "warning");
      optionalLong("siteId", warning.siteId());
      json.writeFieldName("visitId");
      if (warning.visitId().isPresent()) {
        json.writeString(Long.toString(warning.visitId().getAsLong()));
      } else {
        json.writeNull();
      }
      optionalLong("position", warning.position());
      json.writeStringField("message", warning.message());
    });
  }

  @Override
  public void flush() {
    try {
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Body {
    void write() throws IOException;
  }

  private void line(Body body) {
    try {
      json.writeStartObject();
      body.write();
      json.writeEndObject();
      json.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void extras(Map<String, String> extra) throws IOException {
    for (Map.Entry<String, String> field : extra.entrySet()) {
      json.writeStringField(field.getKey(), field.getValue());
    }
  }

  private void text(String name, Optional<String> value) throws IOException {
    json.writeFieldName(name);
    if (value.isPresent()) {
      json.writeString(value.get());
    } else {
      json.writeNull();
    }
  }

  private void optionalLong(String name, OptionalLong value) throws IOException {
    json.writeFieldName(name);
    if (value.isPresent()) {
      json.writeNumber(value.getAsLong());
    } else {
      json.writeNull();
    }
  }

  private void instant(String name, Optional<Instant> value) throws IOException {
    text(name, value.map(Instant::toString));
  }

  private void geo(String name, GeoValue geo, boolean withCode) throws IOException {
    json.writeFieldName(name);
    json.writeStartObject();
    text("name", geo.name());
    if (withCode) {
      text("code", geo.code());
    }
    text("lookup", geo.lookup().map(LookupRef::id));
    json.writeEndObject();
  }

  private void ref(String name, Optional<LookupRef> ref) throws IOException {
    json.writeFieldName(name);
    if (ref.isEmpty()) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    json.writeStringField("lookup", ref.get().id());
    json.writeStringField("name", ref.get().name());
    json.writeEndObject();
  }

  private void coded(String name, Optional<CodedValue> coded) throws IOException {
    json.writeFieldName(name);
    if (coded.isEmpty()) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    text("code", coded.map(CodedValue::code));
    text("lookup", coded.flatMap(CodedValue::lookup).map(LookupRef::id));
    text("name", coded.flatMap(CodedValue::lookup).map(LookupRef::name));
    json.writeEndObject();
  }
}

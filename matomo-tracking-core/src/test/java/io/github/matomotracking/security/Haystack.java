package io.github.matomotracking.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.matomotracking.client.MatomoException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every text a test run produced, each with where it came from, and the search for a secret in
 * them: the token as is, in each encoding it could be written in (form, percent in either case,
 * JSON, HTML), and every 12-character piece of those, so that a cut or partly masked token is
 * found as well.
 */
final class Haystack {

  /** One text and where it came from. */
  record Text(String source, String text) {}

  /** A place where a needle was found. */
  record Hit(String source, String needle, String around) {}

  private static final int PIECE = 12;

  private final List<Text> texts = Collections.synchronizedList(new ArrayList<>());

  void add(String source, Object text) {
    if (text != null) {
      texts.add(new Text(source, String.valueOf(text)));
    }
  }

  /** An exception's stack trace (causes and suppressed included) and each throwable's own texts. */
  void addThrowable(String source, Throwable thrown) {
    if (thrown == null) {
      return;
    }
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    add(source + " stack trace", trace);
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> todo = new ArrayList<>(List.of(thrown));
    while (!todo.isEmpty()) {
      Throwable t = todo.remove(todo.size() - 1);
      if (!seen.add(t)) {
        continue;
      }
      add(source + " toString", t.toString());
      add(source + " message", t.getMessage());
      add(source + " localized message", t.getLocalizedMessage());
      if (t instanceof MatomoException) {
        ((MatomoException) t).matomoMessage().ifPresent(m -> add(source + " matomoMessage", m));
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      Collections.addAll(todo, t.getSuppressed());
    }
  }

  int size() {
    return texts.size();
  }

  long characters() {
    synchronized (texts) {
      return texts.stream().mapToLong(t -> t.text().length()).sum();
    }
  }

  /**
   * Every place any form of the secret, or a 12-character piece of one, occurs (one hit per
   * text and needle). Each text is scanned once per needle length, looking its windows up in a
   * hash set.
   */
  List<Hit> search(String secret) {
    Map<Integer, Set<String>> byLength = new TreeMap<>();
    for (String needle : needles(secret)) {
      byLength.computeIfAbsent(needle.length(), n -> new HashSet<>()).add(needle);
    }
    List<Hit> hits = new ArrayList<>();
    synchronized (texts) {
      for (Text text : texts) {
        String body = text.text();
        Set<String> reported = new HashSet<>();
        for (Map.Entry<Integer, Set<String>> group : byLength.entrySet()) {
          int length = group.getKey();
          BitSet firstChars = new BitSet(65536);
          group.getValue().forEach(needle -> firstChars.set(needle.charAt(0)));
          for (int at = 0; at + length <= body.length(); at++) {
            if (!firstChars.get(body.charAt(at))) {
              continue;
            }
            String window = body.substring(at, at + length);
            if (group.getValue().contains(window) && reported.add(window)) {
              int from = Math.max(0, at - 40);
              int to = Math.min(body.length(), at + length + 40);
              hits.add(new Hit(text.source(), window, body.substring(from, to)));
            }
          }
        }
      }
    }
    return hits;
  }

  /** The forms of a secret to look for, and their 12-character pieces. */
  static Set<String> needles(String secret) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(secret);
    forms.add(secret.toUpperCase(Locale.ROOT));
    forms.add(secret.toLowerCase(Locale.ROOT));
    forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    forms.add(InjectionCorpus.percent(secret, true));
    forms.add(InjectionCorpus.percent(secret, false));
    forms.add(json(secret));
    forms.add(html(secret));
    Set<String> needles = new LinkedHashSet<>();
    for (String form : forms) {
      if (form.length() <= PIECE) {
        needles.add(form);
        continue;
      }
      for (int i = 0; i + PIECE <= form.length(); i++) {
        needles.add(form.substring(i, i + PIECE));
      }
    }
    return needles;
  }

  private static String json(String text) {
    try {
      String quoted = new ObjectMapper().writeValueAsString(text);
      return quoted.substring(1, quoted.length() - 1);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#039;");
  }
}

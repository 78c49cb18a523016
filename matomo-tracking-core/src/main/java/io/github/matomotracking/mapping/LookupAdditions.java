package io.github.matomotracking.mapping;

import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.LookupKind;
import io.github.matomotracking.model.LookupRef;
import io.github.matomotracking.model.WebPageRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The lookup entries a mapping batch asks to add ("add if missing"), each requested once: asking
 * again for an entry already requested in the batch returns the same reference and adds nothing.
 * Ids come from {@link LookupIds}, so they are the same in every run.
 *
 * <p>The additions are handed out per visit with {@link #takeNew()}; {@link #all()} lists every
 * addition of the batch. Not thread-safe: one instance per batch.
 */
public final class LookupAdditions {

  /**
   * The longest code, name or URL (in characters) that is looked up or added. No Matomo code,
   * page title or URL is that long; a longer one stays on the session or action as text but gets
   * no lookup entry, and the mapper warns. A lookup key of megabytes would be copied several times
   * over to make its id, and no CRM lookup column would hold it.
   */
  public static final int MAX_TEXT_LENGTH = 8192;

  private final Map<Key, LookupAddition> byKey = new HashMap<>();
  private final List<LookupAddition> all = new ArrayList<>();
  private final List<Key> keys = new ArrayList<>();
  private int taken;

  /** An empty registry, for a new batch. */
  public LookupAdditions() {}

  /**
   * The referrer type to add for a Matomo code missing from the lookups (codes compare
   * case-insensitively; the first spelling seen is kept).
   *
   * @param code Matomo's {@code referrerType}
   * @param name display name of the new entry
   * @return the reference to the entry
   */
  public LookupRef referrerType(String code, String name) {
    return coded(LookupKind.REFERRER_TYPE, code, name).ref();
  }

  /**
   * The action type to add for a Matomo code missing from the lookups; its name is the code.
   *
   * @param code Matomo's action {@code type}
   * @return the reference to the entry
   */
  public LookupRef actionType(String code) {
    return coded(LookupKind.ACTION_TYPE, code, code).ref();
  }

  /**
   * The web page to add for a (name, URL) missing from the lookups.
   *
   * @param name the page's name
   * @param url the page URL without its query string (a fragment stays)
   * @return the reference to the entry
   */
  public WebPageRef webPage(String name, String url) {
    Key key = new Key(LookupKind.WEB_PAGE, name, url);
    LookupAddition addition = byKey.get(key);
    if (addition == null) {
      addition = LookupAddition.builder()
          .kind(LookupKind.WEB_PAGE)
          .id(LookupIds.webPage(name, url))
          .name(name)
          .url(url)
          .build();
      register(key, addition);
    }
    return WebPageRef.of(addition.id(), name, url);
  }

  /**
   * The additions requested since the last call, in the order first requested.
   *
   * @return the new additions (an unmodifiable list)
   */
  public List<LookupAddition> takeNew() {
    if (taken == all.size()) {
      return List.of();
    }
    List<LookupAddition> fresh = List.copyOf(all.subList(taken, all.size()));
    taken = all.size();
    return fresh;
  }

  /**
   * Forgets the additions requested since the last {@link #takeNew()}, as if they had never been
   * asked for (used when mapping a visit failed half way).
   */
  public void discardNew() {
    for (int i = all.size() - 1; i >= taken; i--) {
      all.remove(i);
      byKey.remove(keys.remove(i));
    }
  }

  /**
   * Every addition of the batch so far, in the order first requested.
   *
   * @return an unmodifiable view
   */
  public List<LookupAddition> all() {
    return Collections.unmodifiableList(all);
  }

  private LookupAddition coded(LookupKind kind, String code, String name) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    String normalized = code.toLowerCase(Locale.ROOT);
    Key key = new Key(kind, normalized, "");
    LookupAddition addition = byKey.get(key);
    if (addition == null) {
      addition = LookupAddition.builder()
          .kind(kind)
          .id(LookupIds.of(kind, normalized))
          .name(name)
          .code(code)
          .build();
      register(key, addition);
    }
    return addition;
  }

  private void register(Key key, LookupAddition addition) {
    byKey.put(key, addition);
    all.add(addition);
    keys.add(key);
  }

  private record Key(LookupKind kind, String first, String second) {}
}

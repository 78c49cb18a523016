package io.github.matomotracking.identify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link ContactDirectory} held in memory and indexed by trimmed email, phone digits and
 * trimmed full name, for tests and quick starts. Safe to use from several threads.
 */
public final class InMemoryContactDirectory implements ContactDirectory {

  private final Map<String, Contact> byId = new HashMap<>();
  private final Map<String, Set<String>> idsByEmail = new HashMap<>();
  private final Map<String, Set<String>> idsByPhone = new HashMap<>();
  private final Map<String, Set<String>> idsByName = new HashMap<>();

  /** An empty directory. */
  public InMemoryContactDirectory() {}

  /**
   * A directory holding these contacts.
   *
   * @param contacts the contacts
   * @return the directory
   */
  public static InMemoryContactDirectory of(Contact... contacts) {
    InMemoryContactDirectory directory = new InMemoryContactDirectory();
    for (Contact contact : contacts) {
      directory.put(contact);
    }
    return directory;
  }

  /**
   * Adds a contact, or replaces the one with the same id.
   *
   * @param contact the contact
   */
  public synchronized void put(Contact contact) {
    Objects.requireNonNull(contact, "contact");
    remove(contact.id());
    byId.put(contact.id(), contact);
    index(idsByEmail, contact.trimmedEmail(), contact.id());
    index(idsByPhone, contact.phoneDigits(), contact.id());
    index(idsByName, contact.trimmedFullName(), contact.id());
  }

  /**
   * Removes the contact with this id, if present.
   *
   * @param contactId the contact id
   */
  public synchronized void remove(String contactId) {
    Contact old = byId.remove(contactId);
    if (old != null) {
      unindex(idsByEmail, old.trimmedEmail(), contactId);
      unindex(idsByPhone, old.phoneDigits(), contactId);
      unindex(idsByName, old.trimmedFullName(), contactId);
    }
  }

  @Override
  public synchronized Collection<Contact> byEmail(String email) {
    return lookUp(idsByEmail, email);
  }

  @Override
  public synchronized Collection<Contact> byPhoneDigits(String digits) {
    return lookUp(idsByPhone, digits);
  }

  @Override
  public synchronized Collection<Contact> byFullName(String fullName) {
    return lookUp(idsByName, fullName);
  }

  private List<Contact> lookUp(Map<String, Set<String>> index, String key) {
    List<Contact> found = new ArrayList<>();
    for (String id : index.getOrDefault(key, Set.of())) {
      found.add(byId.get(id));
    }
    found.sort(Contact.OLDEST_FIRST);
    return found;
  }

  private static void index(Map<String, Set<String>> index, Optional<String> key, String id) {
    key.ifPresent(value -> index.computeIfAbsent(value, k -> new HashSet<>()).add(id));
  }

  private static void unindex(Map<String, Set<String>> index, Optional<String> key, String id) {
    key.ifPresent(value -> {
      Set<String> ids = index.get(value);
      if (ids != null) {
        ids.remove(id);
        if (ids.isEmpty()) {
          index.remove(value);
        }
      }
    });
  }

  @Override
  public synchronized String toString() {
    return "InMemoryContactDirectory[" + byId.size() + " contacts]";
  }
}

package io.github.matomotracking.client;

import java.util.Arrays;

/**
 * The field names seen in one JSON object, to notice a name given twice: an open-addressing set
 * reused from object to object, emptied in constant time. Not thread-safe.
 */
final class FieldNames {

  private String[] names = new String[128];
  private int[] rounds = new int[128];
  private int round = 1;
  private int size;

  /** Forgets every name: the next object starts. */
  void clear() {
    round++;
    size = 0;
    if (round == Integer.MAX_VALUE) {
      Arrays.fill(rounds, 0);
      round = 1;
    }
  }

  /**
   * Adds a name of the current object.
   *
   * @param name the field name
   * @return false when the object already had it
   */
  boolean add(String name) {
    if (2 * (size + 1) > names.length) {
      grow();
    }
    int mask = names.length - 1;
    for (int i = spread(name.hashCode()) & mask; ; i = (i + 1) & mask) {
      if (rounds[i] != round) {
        names[i] = name;
        rounds[i] = round;
        size++;
        return true;
      }
      String seen = names[i];
      if (seen == name || seen.equals(name)) {
        return false;
      }
    }
  }

  private void grow() {
    String[] oldNames = names;
    int[] oldRounds = rounds;
    names = new String[oldNames.length * 2];
    rounds = new int[oldNames.length * 2];
    int mask = names.length - 1;
    for (int j = 0; j < oldNames.length; j++) {
      if (oldRounds[j] == round) {
        int i = spread(oldNames[j].hashCode()) & mask;
        while (rounds[i] == round) {
          i = (i + 1) & mask;
        }
        names[i] = oldNames[j];
        rounds[i] = round;
      }
    }
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}

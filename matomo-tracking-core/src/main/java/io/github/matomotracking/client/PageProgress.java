package io.github.matomotracking.client;

/** The visits received so far in one page: how many, and the second and id of the first and last. */
final class PageProgress {

  private int count;
  private long firstSecond;
  private long lastSecond;
  private long lastVisitId;

  void record(long second, long visitId) {
    if (count == 0) {
      firstSecond = second;
    }
    count++;
    lastSecond = second;
    lastVisitId = visitId;
  }

  int count() {
    return count;
  }

  long firstSecond() {
    return firstSecond;
  }

  long lastSecond() {
    return lastSecond;
  }

  long lastVisitId() {
    return lastVisitId;
  }
}

// TEMPORARY: replaced by the reader branch at merge
package io.github.matomotracking.client;

import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitWarning;
import java.io.InputStream;
import java.util.function.Consumer;

/** Reads a {@code Live.getLastVisitsDetails} JSON response one visit at a time (temporary, minimal). */
public final class LiveResponseReader {

  /** A reader with the default options. */
  public LiveResponseReader() {}

  /**
   * Reads the whole response, handing each visit to {@code visits} as soon as it is complete.
   *
   * @param body the response body (not closed by this method)
   * @param httpStatus the HTTP status the body came with, or -1 when there was none (a file)
   * @param visits receives each visit, in order
   * @param warnings receives a warning for each visit object that had to be skipped
   * @return counts
   */
  public ReadSummary read(
      InputStream body,
      int httpStatus,
      Consumer<? super Visit> visits,
      Consumer<? super VisitWarning> warnings) {
    VisitCursor cursor = open(body, httpStatus);
    Visit visit;
    while ((visit = cursor.next()) != null) {
      cursor.drainWarnings().forEach(warnings);
      visits.accept(visit);
    }
    cursor.drainWarnings().forEach(warnings);
    return new ReadSummary(cursor.visitsRead(), cursor.visitsSkipped());
  }

  /**
   * Opens a pull cursor over the response.
   *
   * @param body the response body (closed with the cursor)
   * @param httpStatus the HTTP status the body came with, or -1
   * @return the cursor
   */
  public VisitCursor open(InputStream body, int httpStatus) {
    return new VisitCursor(body, httpStatus);
  }
}

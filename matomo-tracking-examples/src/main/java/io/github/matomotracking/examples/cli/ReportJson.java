package io.github.matomotracking.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.matomotracking.client.MatomoException;
import io.github.matomotracking.sync.SyncFailure;
import io.github.matomotracking.sync.SyncReport;
import java.io.PrintStream;
import java.util.List;

/**
 * The JSON form of a {@link SyncReport} that {@code import} and {@code sync} print, and the exit
 * code a set of reports gives.
 */
final class ReportJson {

  private ReportJson() {}

  /** The report as a JSON object: every count by its accessor's name, and the failures. */
  static ObjectNode of(SyncReport report) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("flow", report.flow().name());
    json.put("startedAt", report.startedAt().toString());
    json.put("finishedAt", report.finishedAt().toString());
    json.put("succeeded", report.succeeded());
    json.put("cancelled", report.cancelled());
    json.put("identificationsRecorded", report.identificationsRecorded());
    json.put("identities", report.identities());
    json.put("batches", report.batches());
    json.put("contacts", report.contacts());
    json.put("visits", report.visits());
    json.put("visitsSkippedUnowned", report.visitsSkippedUnowned());
    json.put("sessionsInserted", report.sessionsInserted());
    json.put("sessionsUpdated", report.sessionsUpdated());
    json.put("sessionsUnchanged", report.sessionsUnchanged());
    json.put("actionsInserted", report.actionsInserted());
    json.put("actionsUpdated", report.actionsUpdated());
    json.put("actionsUnchanged", report.actionsUnchanged());
    json.put("lookupAdditions", report.lookupAdditions());
    json.put("warnings", report.warnings());
    json.put("requests", report.requests());
    json.put("retries", report.retries());
    json.put("batchesCancelled", report.batchesCancelled());
    ArrayNode failures = json.putArray("failures");
    for (SyncFailure failure : report.failures()) {
      ObjectNode item = failures.addObject();
      item.put("stage", failure.stage().name());
      ArrayNode identities = item.putArray("identities");
      failure.identities().forEach(identity -> identities.add(identity.toString()));
      ArrayNode contacts = item.putArray("contactIds");
      failure.contactIds().forEach(contacts::add);
      item.put("errorType", failure.errorType());
      item.put("message", failure.message());
      item.put("retryable", failure.retryable());
    }
    return json;
  }

  /** Prints one line per failure of the reports to standard error. */
  static void printFailures(String command, List<SyncReport> reports, PrintStream err) {
    for (SyncReport report : reports) {
      report.failures().forEach(failure -> err.println(command + ": " + failure.describe()));
    }
  }

  /**
   * The exit code: 0 without failures; 2 when Matomo answered with an error that retrying does
   * not cure (a wrong token, no access, a bad request) or the database failed; otherwise 3 when
   * Matomo could not be reached or kept failing after the retries.
   */
  static int exitCode(List<SyncReport> reports) {
    boolean matomoError = false;
    boolean unreachable = false;
    boolean other = false;
    for (SyncReport report : reports) {
      for (SyncFailure failure : report.failures()) {
        if (failure.cause().orElse(null) instanceof MatomoException matomo) {
          if (matomo.isRetryable()) {
            unreachable = true;
          } else {
            matomoError = true;
          }
        } else {
          other = true;
        }
      }
    }
    if (matomoError || other) {
      return ExitCode.MATOMO_ERROR;
    }
    return unreachable ? ExitCode.UNREACHABLE : ExitCode.OK;
  }
}

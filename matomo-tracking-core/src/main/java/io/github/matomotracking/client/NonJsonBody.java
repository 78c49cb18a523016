package io.github.matomotracking.client;

import java.nio.charset.StandardCharsets;

/**
 * Says what an answer that is not JSON looks like (still gzip-compressed, XML, HTML, other
 * text), with its first characters, token-like runs masked: one wording for the Live reader and
 * for the small API calls.
 */
final class NonJsonBody {

  /** Characters of the body shown in a message. */
  static final int PREVIEW_CHARS = 200;

  private NonJsonBody() {}

  /**
   * The description of a body that is not JSON.
   *
   * @param subject what the body is, as a message starts ("Matomo's response")
   * @param start the first bytes of the body (enough for {@link #PREVIEW_CHARS} characters)
   * @param length how many of them are valid
   * @return the sentence, without the HTTP status
   */
  static String describe(String subject, byte[] start, int length) {
    if (length >= 2 && (start[0] & 0xFF) == 0x1f && (start[1] & 0xFF) == 0x8b) {
      return subject + " is not JSON: it is still gzip-compressed (it starts with the"
          + " bytes 1f 8b), so its Content-Encoding was not undone";
    }
    String preview = SafeText.oneLine(
        new String(start, 0, length, StandardCharsets.UTF_8), PREVIEW_CHARS);
    if (preview.startsWith("<?xml")) {
      return subject + " is XML, not JSON (Matomo answers in XML when the request lacks"
          + " format=JSON); it starts with: " + preview;
    }
    if (preview.startsWith("<")) {
      return subject + " is HTML, not JSON (a login, maintenance or proxy error page?);"
          + " it starts with: " + preview;
    }
    return subject + " is not JSON; it starts with: " + preview;
  }
}

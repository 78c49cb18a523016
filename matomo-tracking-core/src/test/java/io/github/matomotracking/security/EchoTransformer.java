package io.github.matomotracking.security;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.matomotracking.client.fake.FakeMatomo;
import io.github.matomotracking.client.fake.Php;
import java.util.Map;

/**
 * A hostile or careless server that writes what it received back into its answer: the request
 * body, or the token it found in it, into a Matomo error message, an HTML page, a plain-text error,
 * a place where the JSON reader trips over it, or a visit field. Choose with the transformer
 * parameter {@code mode}.
 */
final class EchoTransformer implements ResponseDefinitionTransformerV2 {

  static final String NAME = "echo";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String body = event.getRequest().getBodyAsString();
    Map<String, String> form = Php.parseForm(body);
    String token = form.getOrDefault("token_auth", "");
    String mode = String.valueOf(event.getTransformerParameters().getOrDefault("mode", ""));
    ResponseDefinitionBuilder response = ResponseDefinitionBuilder.like(event.getResponseDefinition()).but();
    switch (mode) {
      case "error-with-body":
        return json(response, 200, FakeMatomo.error("Invalid request: " + body));
      case "error-with-token":
        return json(response, 200, FakeMatomo.error("The token_auth '" + token + "' is not valid."));
      case "401-error-with-token":
        return json(response, 401, FakeMatomo.error("token_auth " + Haystack.html(token) + " is invalid or expired"));
      case "403-error-with-token":
        return json(response, 200, FakeMatomo.error("You can't access this resource as it requires 'view' access"
            + " (token " + token + ")"));
      case "busy-with-token":
        return json(response, 200, FakeMatomo.error("Could not run the query in time. Request: " + body));
      case "html-login-with-token":
        return html(response, 401, "<!DOCTYPE html><html><body><form><input type=\"hidden\" name=\"token_auth\" value=\""
            + Haystack.html(token) + "\"></form></body></html>");
      case "html-200-with-token":
        return html(response, 200, "<html><body><p>Your request:</p><pre>" + body + "</pre>" + token + "</body></html>");
      case "html-token-at-the-preview-cut-170":
      case "html-token-at-the-preview-cut-176":
      case "html-token-at-the-preview-cut-182":
        int padding = Integer.parseInt(mode.substring(mode.lastIndexOf('-') + 1));
        return html(response, 200, "<html><body>" + "x".repeat(padding) + token + "</body></html>");
      case "text-500-with-body":
        return response.withStatus(500).withHeader("Content-Type", "text/plain").withBody("upstream failed for " + body)
            .build();
      case "json-starting-with-token":
        return json(response, 200, token + " [");
      case "json-token-in-a-visit-field":
        return json(response, 200, "[{\"idSite\":1,\"idVisit\":\"" + jsonText(token) + "\",\"lastActionTimestamp\":"
            + "\"" + jsonText(token) + "\"}]");
      case "redirect-to-a-host-named-like-the-token":
        return response.withStatus(302).withHeader("Location", "http://" + token + ".example.invalid/index.php").build();
      case "json-cut-after-token":
        return json(response, 200, "[{\"idSite\":1,\"idVisit\":1,\"userId\":\"" + jsonText(token));
      default:
        throw new IllegalArgumentException("unknown echo mode " + mode);
    }
  }

  private static String jsonText(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static ResponseDefinition json(ResponseDefinitionBuilder response, int status, String body) {
    return response.withStatus(status).withHeader("Content-Type", "application/json").withBody(body).build();
  }

  private static ResponseDefinition html(ResponseDefinitionBuilder response, int status, String body) {
    return response.withStatus(status).withHeader("Content-Type", "text/html").withBody(body).build();
  }
}

package org.partnerprogram.examples.portal;

import static org.partnerprogram.examples.portal.HostPortal.CSRF_COOKIE;
import static org.partnerprogram.examples.portal.HostPortal.SESSION_COOKIE;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.examples.portal.Http.Form;
import org.partnerprogram.examples.portal.Http.HttpError;
import org.partnerprogram.examples.portal.Http.Response;
import org.partnerprogram.examples.portal.Sessions.Session;

/** One request: its cookies and session, and the cookies to set in the response. */
final class Request {
  /** The shape of the portal's random cookie values (visitor ids, CSRF cookies). */
  static final String HEX_32 = "[0-9a-f]{32}";

  private static final int MAX_BODY_BYTES = 16 * 1024;
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; form-action 'self'; "
          + "base-uri 'none'; frame-ancestors 'none'";

  final HttpExchange exchange;
  final Map<String, String> cookies = new LinkedHashMap<>();
  final Map<String, String> setCookies = new LinkedHashMap<>(); // by name: the last one wins
  private final Sessions sessions;
  private final Csrf csrf;
  private final boolean secureCookies;

  Request(HttpExchange exchange, Sessions sessions, Csrf csrf, boolean secureCookies) {
    this.exchange = exchange;
    this.sessions = sessions;
    this.csrf = csrf;
    this.secureCookies = secureCookies;
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String part : header.split(";", -1)) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          String value = part.substring(eq + 1).strip();
          if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1); // RFC 6265 allows a quoted value
          }
          cookies.putIfAbsent(part.substring(0, eq).strip(), value);
        }
      }
    }
  }

  Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  /** A parameter of the address's query, if the query has it (possibly empty). */
  Optional<String> queryParam(String name) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null) {
      return Optional.empty();
    }
    Form form = Form.parse(query);
    return form.values().containsKey(name) ? Optional.of(form.one(name)) : Optional.empty();
  }

  /** The browser's live session, if it has one; a cookie of an ended session is cleared. */
  Optional<Session> session() {
    Optional<String> id = cookie(SESSION_COOKIE);
    Optional<Session> session = id.flatMap(sessions::find);
    if (id.isPresent() && session.isEmpty()) {
      setCookie(SESSION_COOKIE, "; Max-Age=0");
    }
    return session;
  }

  Session newSession() {
    Session session = sessions.create();
    setCookie(SESSION_COOKIE, session.id);
    return session;
  }

  /** The token for forms of a visitor without a session; sets their random cookie if needed. */
  String visitorCsrfToken() {
    String value =
        cookie(CSRF_COOKIE)
            .filter(v -> v.matches(HEX_32))
            .orElseGet(
                () -> {
                  String fresh = HostShop.randomHex(16);
                  setCookie(CSRF_COOKIE, fresh);
                  return fresh;
                });
    return csrf.csrfTokenFor(value);
  }

  /** Sets a first-party cookie that scripts cannot read and other sites do not send in POSTs. */
  void setCookie(String name, String valueAndAge) {
    setCookies.put(
        name,
        name
            + "="
            + valueAndAge
            + "; Path=/; HttpOnly; SameSite=Lax"
            + (secureCookies ? "; Secure" : ""));
  }

  Form form() throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null
        && declared.matches("\\d{1,18}")
        && Long.parseLong(declared) > MAX_BODY_BYTES) {
      throw new HttpError(413, "The form is too large."); // refused before reading any of it
    }
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw new HttpError(413, "The form is too large.");
    }
    return Form.parse(new String(body, StandardCharsets.UTF_8));
  }

  void send(Response response) throws IOException {
    var headers = exchange.getResponseHeaders();
    setCookies.values().forEach(c -> headers.add("Set-Cookie", c));
    if (response.location() != null) {
      headers.set("Location", response.location());
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    headers.set("Content-Type", response.contentType());
    headers.set("X-Content-Type-Options", "nosniff");
    if (response.contentType().startsWith("text/html")) {
      headers.set("Cache-Control", "no-store");
      headers.set("Referrer-Policy", "same-origin");
      headers.set("Content-Security-Policy", CSP);
    }
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(response.status(), body.length);
    exchange.getResponseBody().write(body);
  }
}

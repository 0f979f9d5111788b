package org.partnerprogram.examples.portal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The portal's HTTP values: an error page, a decoded form and what to send back. */
final class Http {
  private Http() {}

  /** An error page with a status; the message is escaped like everything else. */
  static final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    HttpError(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** A decoded form body: each name with its values in order. */
  record Form(Map<String, List<String>> values) {
    String one(String name) {
      List<String> v = values.getOrDefault(name, List.of());
      return v.isEmpty() ? "" : v.get(0);
    }

    List<String> all(String name) {
      return values.getOrDefault(name, List.of());
    }

    static Form parse(String encoded) {
      Map<String, List<String>> values = new LinkedHashMap<>();
      for (String pair : encoded.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
      return new Form(values);
    }
  }

  /** What to send: a page, an asset or a redirect. */
  record Response(int status, String contentType, String body, String location) {
    static Response page(int status, String html) {
      return new Response(status, "text/html; charset=utf-8", html, null);
    }

    static Response asset(String type, String text) {
      return new Response(200, type + "; charset=utf-8", text, null);
    }

    static Response redirect(int status, String location) {
      return new Response(status, null, null, location);
    }
  }

  static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "Malformed request.");
    }
  }
}

package org.partnerprogram.examples.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser for the handler tests: its own cookie jar, redirects not followed on their own. Every
 * HTML page it fetches is checked for element ids used more than once.
 */
final class PortalClient {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");
  private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");
  private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern CELL = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL);

  private final URI base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;

  PortalClient(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve(pathOrUrl)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
      assertUniqueIds(pathOrUrl, response.body());
    }
    return response;
  }

  /** Fails if an element id occurs twice: a script or a label would find only the first. */
  static void assertUniqueIds(String page, String html) {
    Set<String> seen = new HashSet<>();
    Set<String> twice = new TreeSet<>();
    Matcher m = ID.matcher(html);
    while (m.find()) {
      if (!seen.add(m.group(1))) {
        twice.add(m.group(1));
      }
    }
    if (!twice.isEmpty()) {
      throw new AssertionError("ids used more than once on " + page + ": " + twice + "\n" + html);
    }
  }

  /** Posts a form with the session's CSRF token and returns the page it redirects to. */
  String post(String path, String... namesAndValues) throws IOException, InterruptedException {
    Matcher token = CSRF.matcher(get("/").body());
    if (!token.find()) {
      throw new AssertionError("no CSRF token on the shop page");
    }
    HttpResponse<String> response = postRaw(path, token.group(1), namesAndValues);
    if (response.statusCode() != 303) {
      throw new AssertionError(
          "POST " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return get(response.headers().firstValue("Location").orElseThrow()).body();
  }

  HttpResponse<String> postRaw(String path, String csrf, String... namesAndValues)
      throws IOException, InterruptedException {
    StringJoiner form = new StringJoiner("&");
    if (csrf != null) {
      form.add("csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
    }
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.add(
          URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)
              + "="
              + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The value of a cookie in this client's jar, if it has one. */
  Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  static List<String> setCookies(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .toList();
  }

  /**
   * The rows of a table as the text of their cells (tags removed, character references of the
   * escaper undone), header row first.
   */
  static List<List<String>> rows(String html, String tableId) {
    String table = find(html, "(<table id=\"" + tableId + "\">.*?</table>)");
    List<List<String>> rows = new ArrayList<>();
    Matcher row = ROW.matcher(table);
    while (row.find()) {
      List<String> cells = new ArrayList<>();
      Matcher cell = CELL.matcher(row.group(1));
      while (cell.find()) {
        cells.add(text(cell.group(1)));
      }
      rows.add(cells);
    }
    return rows;
  }

  /** The text of an HTML fragment: tags removed, the escaper's references undone, trimmed. */
  static String text(String html) {
    return html.replaceAll("<[^>]*>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .strip();
  }

  static String find(String html, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
    if (!m.find()) {
      throw new AssertionError("no match for " + regex + " in\n" + html);
    }
    return m.group(1);
  }

  /** Every match of a regex's first group, in order. */
  static List<String> findAll(String html, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}

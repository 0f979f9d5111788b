package org.partnerprogram.jdbc.hostile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, conservative source checker for string-built SQL in one Java file. Every SQL string
 * handed to JDBC ({@code prepareStatement}, {@code prepareCall}, {@code nativeSQL}, and a {@code
 * Statement}'s {@code execute}, {@code executeQuery}, {@code executeUpdate}, {@code
 * executeLargeUpdate}, {@code addBatch}) must be a <em>compile-time-like constant</em>:
 *
 * <ul>
 *   <li>a string literal or text block;
 *   <li>a {@code static final String} field of the same file whose initialiser is itself constant;
 *   <li>a local variable all of whose assignments in the file are constant;
 *   <li>a {@code String} parameter that every call site in the file passes a constant;
 *   <li>a call of a no-argument method of the same file whose every {@code return} is constant;
 *   <li>a whitelisted fragment ({@code sql.onConflictDoNothing()}, which is one of two literals;
 *       {@code Sql.placeholders(n)} and {@code Sql.rows(n, m)}, which are only placeholders,
 *       parentheses and commas);
 *   <li>a call on the database's statements ({@code statements.name(..)}, {@code
 *       sql.statements().name(..)}), whose every method returns a constant (the test checks each
 *       {@code *Statements.java} with {@link #returnsConstant});
 *   <li>{@code a + b} and {@code cond ? a : b} of constant parts (the condition may be anything: it
 *       chooses between constants, it does not become SQL text).
 * </ul>
 *
 * The adapter's own helpers are sinks too: the SQL argument (the second, after the connection) of
 * {@code Jdbc.update}, {@code Jdbc.query} and their siblings, whose {@code sql} parameter inside
 * {@code Jdbc} is then taken as checked at those calls.
 *
 * <p>Anything else — a method call on a value, {@code String.format}, {@code StringBuilder}, an
 * identifier it cannot resolve — is a finding. The check errs on the side of findings.
 */
final class SqlTextChecker {
  /** Calls whose string argument becomes SQL text. */
  private static final Pattern SINK =
      Pattern.compile(
          "\\.\\s*(prepareStatement|prepareCall|nativeSQL|executeQuery|executeUpdate"
              + "|executeLargeUpdate|execute|addBatch)\\s*\\(");

  /**
   * The adapter's statement helpers ({@code Jdbc.update(c, sql, ...)} and so on): SQL is their
   * second argument.
   */
  static final Set<String> HELPERS =
      Set.of(
          "update",
          "insertUnlessDuplicate",
          "query",
          "queryFirst",
          "queryOne",
          "forEach",
          "forEachRow",
          "batch");

  private static final Pattern HELPER_SINK =
      Pattern.compile(
          "(?<![\\w$.])Jdbc\\s*\\.\\s*(?:<[^()]*>\\s*)?(" + String.join("|", HELPERS) + ")\\s*\\(");

  /**
   * A call on the database's statements: {@code statements.x(..)}, {@code sql.statements().x(..)}.
   */
  private static final Pattern STATEMENTS_CALL =
      Pattern.compile("(?:[A-Za-z_$][\\w$]*\\.)?statements(?:\\(\\))?\\.[A-Za-z_$][\\w$]*\\(");

  /** Calls that return one of a few SQL literals, whatever the input. */
  static final Set<String> WHITELIST =
      Set.of(
          "sql.onConflictDoNothing()",
          "JdbcLedgerStore.entryColumns()",
          "JdbcPayoutStore.payoutColumns()");

  /**
   * {@code Sql.placeholders(n)} and {@code Sql.rows(n, m)}: only {@code ?}, parentheses and commas,
   * however many their {@code int} arguments ask for, so no value can reach the SQL text through
   * them.
   */
  private static final Pattern PLACEHOLDERS =
      Pattern.compile("Sql\\.(?:placeholders|rows)\\(((\\w|\\.|\\(\\)),?)+\\)");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final Pattern CALL =
      Pattern.compile("(this\\s*\\.\\s*)?([A-Za-z_$][\\w$]*)\\s*\\(");
  private static final int MAX_DEPTH = 8;

  private final String file;
  private final String code;

  private SqlTextChecker(String file, String source) {
    this.file = file;
    this.code = stripComments(source);
  }

  /**
   * Checks one source file.
   *
   * @param file a name for the findings
   * @param source the Java source
   * @return one line per SQL argument that is not constant; empty if all are
   */
  static List<String> check(String file, String source) {
    return new SqlTextChecker(file, source).findings();
  }

  private List<String> findings() {
    List<String> findings = new ArrayList<>();
    Matcher helper = HELPER_SINK.matcher(maskLiterals(code));
    while (helper.find()) {
      int open = helper.end() - 1;
      List<String> args = splitTopLevel(code.substring(open + 1, matching(code, open)), ',');
      String sql = args.size() < 2 ? "" : args.get(1).strip();
      if (!constant(sql, 0, new HashSet<>())) {
        findings.add(
            file
                + ":"
                + lineOf(open)
                + ": Jdbc."
                + helper.group(1)
                + "("
                + squash(sql)
                + ") is not constant");
      }
    }
    Matcher m = SINK.matcher(maskLiterals(code));
    while (m.find()) {
      int open = m.end() - 1;
      int close = matching(code, open);
      List<String> args = splitTopLevel(code.substring(open + 1, close), ',');
      if (args.isEmpty() || args.get(0).isBlank()) {
        continue; // PreparedStatement.executeQuery() and friends: no SQL text
      }
      if (args.stream().anyMatch(a -> containsTopLevel(a, "->"))) {
        continue; // a lambda argument: a unit of work such as tx.execute(c -> ...), not JDBC
      }
      String sql = args.get(0).strip();
      if (!constant(sql, 0, new HashSet<>())) {
        findings.add(
            file
                + ":"
                + lineOf(open)
                + ": "
                + m.group(1)
                + "("
                + squash(sql)
                + ") is not constant");
      }
    }
    return findings;
  }

  // ------------------------------------------------------------------ constant expressions

  private boolean constant(String expression, int depth, Set<String> visiting) {
    String e = unparen(expression.strip());
    if (e.isEmpty() || depth > MAX_DEPTH) {
      return false;
    }
    int question = indexOfTopLevel(e, '?');
    if (question >= 0) {
      int colon = indexOfTopLevel(e.substring(question + 1), ':');
      if (colon < 0) {
        return false;
      }
      String then = e.substring(question + 1, question + 1 + colon);
      String otherwise = e.substring(question + 2 + colon);
      return constant(then, depth + 1, visiting) && constant(otherwise, depth + 1, visiting);
    }
    List<String> terms = splitTopLevel(e, '+');
    if (terms.size() > 1) {
      return terms.stream().allMatch(t -> constant(t, depth + 1, visiting));
    }
    return constantTerm(e, depth, visiting);
  }

  private boolean constantTerm(String term, int depth, Set<String> visiting) {
    if (isStringLiteral(term)) {
      return true;
    }
    String squashed = term.replaceAll("\\s+", "");
    if (WHITELIST.contains(squashed) || PLACEHOLDERS.matcher(squashed).matches()) {
      return true;
    }
    Matcher statements = STATEMENTS_CALL.matcher(squashed);
    if (statements.lookingAt()
        && matching(squashed, statements.end() - 1) == squashed.length() - 1) {
      return true;
    }
    Matcher call = CALL.matcher(term);
    if (call.lookingAt() && matching(term, call.end() - 1) == term.length() - 1) {
      int open = call.end() - 1;
      List<String> args = splitTopLevel(term.substring(open + 1, term.length() - 1), ',');
      return args.stream().allMatch(a -> constant(a, depth + 1, visiting))
          && constantMethod(call.group(2), depth, visiting);
    }
    if (IDENTIFIER.matcher(term).matches()) {
      if (!visiting.add(term)) {
        return true; // already being resolved further up: decided by the other assignments
      }
      try {
        return constantIdentifier(term, depth, visiting);
      } finally {
        visiting.remove(term);
      }
    }
    return false;
  }

  /** A field, local variable or parameter named {@code name}. */
  private boolean constantIdentifier(String name, int depth, Set<String> visiting) {
    List<String> values = new ArrayList<>();
    // Declarations with an initialiser (fields and locals) and plain assignments.
    Matcher assignment =
        Pattern.compile("(?<![\\w$.])" + Pattern.quote(name) + "\\s*(\\+?=)(?!=)").matcher(code);
    boolean declared = false;
    while (assignment.find()) {
      int start = assignment.end();
      int end = endOfExpression(code, start);
      values.add(code.substring(start, end));
      declared = true;
    }
    // Parameters: String name in a method's parameter list; every call site must pass a constant.
    Matcher method =
        Pattern.compile(
                "([A-Za-z_$][\\w$]*)\\s*\\(([^()]*\\bString\\s+"
                    + Pattern.quote(name)
                    + "\\b[^()]*)\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\{")
            .matcher(code);
    while (method.find()) {
      declared = true;
      String methodName = method.group(1);
      if (HELPERS.contains(methodName) && code.contains("final class Jdbc ")) {
        continue; // a helper's SQL parameter: checked at every call of the helper
      }
      int index = parameterIndex(method.group(2), name);
      List<String> arguments = callArguments(methodName, index, method.start());
      if (arguments == null || arguments.isEmpty()) {
        return false; // called from elsewhere (or not at all): its callers are not visible here
      }
      values.addAll(arguments);
    }
    if (!declared) {
      return false; // an identifier we cannot see: a field of another class, a lambda parameter
    }
    return values.stream().allMatch(v -> constant(v, depth + 1, visiting));
  }

  private boolean constantMethod(String name, int depth, Set<String> visiting) {
    if (!visiting.add(name + "()")) {
      return true;
    }
    try {
      Matcher m =
          Pattern.compile(
                  "\\bString\\s+" + Pattern.quote(name) + "\\s*\\([^()]*\\)\\s*(?:throws[^{]*)?\\{")
              .matcher(code);
      boolean any = false;
      while (m.find()) {
        int open = m.end() - 1;
        String body = code.substring(open + 1, matching(code, open));
        Matcher ret = Pattern.compile("\\breturn\\b").matcher(body);
        while (ret.find()) {
          any = true;
          String value = body.substring(ret.end(), endOfExpression(body, ret.end()));
          if (!constant(value, depth + 1, visiting)) {
            return false;
          }
        }
      }
      return any; // false if not declared here: a method of another class
    } finally {
      visiting.remove(name + "()");
    }
  }

  /** The argument at {@code index} of every call of {@code method} other than its declaration. */
  private List<String> callArguments(String method, int index, int declarationStart) {
    List<String> found = new ArrayList<>();
    Matcher call = Pattern.compile("(?<![\\w$])" + Pattern.quote(method) + "\\s*\\(").matcher(code);
    while (call.find()) {
      if (call.start() == declarationStart) {
        continue;
      }
      int open = call.end() - 1;
      List<String> args = splitTopLevel(code.substring(open + 1, matching(code, open)), ',');
      if (index >= args.size()) {
        return null;
      }
      found.add(args.get(index));
    }
    return found;
  }

  private static int parameterIndex(String parameters, String name) {
    List<String> list = splitTopLevel(parameters, ',');
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).strip().matches("(?:final\\s+)?String\\s+" + Pattern.quote(name))) {
        return i;
      }
    }
    return -1;
  }

  // ------------------------------------------------------------------ lexical helpers

  private static boolean isStringLiteral(String s) {
    if (s.startsWith("\"\"\"")) {
      return s.endsWith("\"\"\"") && s.length() >= 6;
    }
    if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
      return false;
    }
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return false;
      }
    }
    return true;
  }

  private static String unparen(String e) {
    while (e.startsWith("(") && matching(e, 0) == e.length() - 1) {
      e = e.substring(1, e.length() - 1).strip();
    }
    return e;
  }

  /** Index of the bracket closing the one at {@code open}, skipping literals. */
  private static int matching(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfLiteral(s, i);
        continue;
      }
      if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return s.length() - 1;
  }

  /** Index of the last character of the literal starting at {@code i}. */
  private static int endOfLiteral(String s, int i) {
    char quote = s.charAt(i);
    if (quote == '"' && s.startsWith("\"\"\"", i)) {
      int end = s.indexOf("\"\"\"", i + 3);
      return end < 0 ? s.length() - 1 : end + 2;
    }
    for (int j = i + 1; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == quote) {
        return j;
      }
    }
    return s.length() - 1;
  }

  /** End (exclusive) of the expression starting at {@code start}: a top-level ; , or ). */
  private static int endOfExpression(String s, int start) {
    int depth = 0;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfLiteral(s, i);
      } else if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if ((c == ';' || c == ',') && depth == 0) {
        return i;
      }
    }
    return s.length();
  }

  private static List<String> splitTopLevel(String s, char separator) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfLiteral(s, i);
      } else if (c == '(' || c == '{' || c == '[' || (c == '<' && separator == ',')) {
        depth++;
      } else if (c == ')' || c == '}' || c == ']' || (c == '>' && separator == ',')) {
        depth--;
      } else if (c == separator && depth == 0) {
        if (separator == '+' && (i + 1 < s.length() && s.charAt(i + 1) == '+')) {
          parts.add(null); // ++ is not concatenation of constants
          i++;
          continue;
        }
        parts.add(s.substring(from, i));
        from = i + 1;
      }
    }
    parts.add(s.substring(from));
    if (parts.size() == 1 && parts.get(0).isBlank()) {
      return List.of();
    }
    return parts.stream().map(p -> p == null ? "++" : p).toList();
  }

  private static int indexOfTopLevel(String s, char wanted) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfLiteral(s, i);
      } else if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        depth--;
      } else if (c == wanted && depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean containsTopLevel(String s, String wanted) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfLiteral(s, i);
      } else if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        depth--;
      } else if (depth == 0 && s.startsWith(wanted, i)) {
        return true;
      }
    }
    return false;
  }

  /** The source with the insides of literals blanked out, so calls are not found in text. */
  private static String maskLiterals(String s) {
    StringBuilder b = new StringBuilder(s);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        int end = endOfLiteral(s, i);
        for (int j = i + 1; j < end; j++) {
          if (b.charAt(j) != '\n') {
            b.setCharAt(j, ' ');
          }
        }
        i = end;
      }
    }
    return b.toString();
  }

  /**
   * Whether a method of a source file returns only constant SQL by these rules.
   *
   * @param source the Java source declaring it
   * @param method its name
   * @return true if every return of every declaration is constant
   */
  static boolean returnsConstant(String source, String method) {
    return new SqlTextChecker("", source).constantMethod(method, 0, new HashSet<>());
  }

  /** The source with comments blanked out (line numbers kept), literals untouched. */
  static String stripComments(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        int end = endOfLiteral(s, i);
        b.append(s, i, end + 1);
        i = end;
      } else if (s.startsWith("//", i)) {
        int end = s.indexOf('\n', i);
        i = (end < 0 ? s.length() : end) - 1;
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? s.length() : end + 2;
        for (int j = i; j < end; j++) {
          b.append(s.charAt(j) == '\n' ? '\n' : ' ');
        }
        i = end - 1;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private int lineOf(int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (code.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String squash(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 100 ? one.substring(0, 100) + "..." : one;
  }
}

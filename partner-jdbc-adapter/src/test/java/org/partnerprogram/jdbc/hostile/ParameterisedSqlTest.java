package org.partnerprogram.jdbc.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQL is parameterised everywhere: no SQL text handed to JDBC by the adapter's main sources is
 * built from a runtime value (see {@link SqlTextChecker} for what counts as constant). The checker
 * is shown to fail on string-built SQL.
 */
class ParameterisedSqlTest {
  private static final Path MAIN = Path.of("src/main/java");

  @Test
  void everySqlStringInTheAdapterIsConstant() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(MAIN)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    List<String> findings = new ArrayList<>();
    int sinks = 0;
    for (Path file : files) {
      String source = Files.readString(file, StandardCharsets.UTF_8);
      findings.addAll(
          SqlTextChecker.check(MAIN.relativize(file).toString(), withBase(file, source)));
      sinks += countSinks(source);
    }
    assertThat(findings).isEmpty();
    // The scan really looked at the adapter's statements.
    assertThat(sinks).isGreaterThan(40);
  }

  @Test
  void theWhitelistedFragmentsAreConstantsThemselves() throws IOException {
    Path internal = MAIN.resolve("org/partnerprogram/jdbc");
    assertThat(
            SqlTextChecker.returnsConstant(
                Files.readString(internal.resolve("Sql.java")), "onConflictDoNothing"))
        .isTrue();
    assertThat(
            SqlTextChecker.returnsConstant(
                Files.readString(internal.resolve("JdbcLedgerStore.java")), "entryColumns"))
        .isTrue();
    assertThat(
            SqlTextChecker.returnsConstant(
                Files.readString(internal.resolve("JdbcPayoutStore.java")), "payoutColumns"))
        .isTrue();
    assertThat(SqlTextChecker.WHITELIST).hasSize(3);
    // And the same check refuses a fragment built from a value.
    assertThat(
            SqlTextChecker.returnsConstant(
                "class Y { String columns(String id) { return \"a, \" + id.trim(); } }", "columns"))
        .isFalse();
  }

  /**
   * Every method of each database's statements that returns text returns a constant, so a call on
   * the statements is constant SQL wherever a store makes it.
   */
  @Test
  void everyStatementsMethodReturnsConstantSql() throws IOException {
    Path internal = MAIN.resolve("org/partnerprogram/jdbc");
    List<String> methods = new ArrayList<>();
    for (String name :
        List.of(
            "Statements.java",
            "PostgresStatements.java",
            "MariaDbStatements.java",
            "H2Statements.java")) {
      Path file = internal.resolve(name);
      String source = withBase(file, Files.readString(file, StandardCharsets.UTF_8));
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\\bString\\s+(\\w+)\\s*\\([^()]*\\)\\s*\\{")
              .matcher(SqlTextChecker.stripComments(Files.readString(file)));
      while (m.find()) {
        methods.add(name + "#" + m.group(1));
        assertThat(SqlTextChecker.returnsConstant(source, m.group(1)))
            .as(name + "#" + m.group(1))
            .isTrue();
      }
    }
    assertThat(methods)
        .contains("Statements.java#insertEntry", "PostgresStatements.java#byteOrder");
    // And a statements method that puts a value into its text is refused.
    assertThat(
            SqlTextChecker.returnsConstant(
                "class S { String order(String column) { return \"ORDER BY \" + column; } }",
                "order"))
        .isFalse();
  }

  /** A database's statements class is read with the class it extends, whose constants it uses. */
  private static String withBase(Path file, String source) throws IOException {
    String name = file.getFileName().toString();
    if (name.endsWith("Statements.java") && !name.equals("Statements.java")) {
      return source
          + "\n"
          + Files.readString(file.resolveSibling("Statements.java"), StandardCharsets.UTF_8);
    }
    return source;
  }

  private static int countSinks(String source) {
    return (int)
        java.util.regex.Pattern.compile(
                "\\.\\s*prepareStatement\\s*\\(|\\bJdbc\\s*\\.\\s*(?:<[^()]*>\\s*)?\\w+\\s*\\(")
            .matcher(SqlTextChecker.stripComments(source))
            .results()
            .count();
  }

  private static String wrap(String body) {
    return "class X {\n"
        + "  private static final String COLUMNS = \"a, b\";\n"
        + "  private final Sql sql;\n"
        + "  void m(Connection c, String id, PartnerId partner, int n) throws SQLException {\n"
        + body
        + "\n  }\n}\n";
  }

  @Test
  void aValueSplicedIntoARealStoreIsFound() throws IOException {
    Path store = MAIN.resolve("org/partnerprogram/jdbc/JdbcPartnerStore.java");
    String source = Files.readString(store, StandardCharsets.UTF_8);
    String constant = "\"SELECT version FROM pp_partner WHERE partner_id = ?\"";
    assertThat(source).contains(constant);
    assertThat(SqlTextChecker.check("JdbcPartnerStore.java", source)).isEmpty();
    String spliced =
        source.replace(
            constant,
            "\"SELECT version FROM pp_partner WHERE partner_id = '\" + id.value() + \"'\"");
    assertThat(SqlTextChecker.check("JdbcPartnerStore.java", spliced)).hasSize(1);
  }

  @Test
  void theRequiredBadExampleIsFound() {
    String source =
        wrap("    c.prepareStatement(\"SELECT * FROM pp_partner WHERE id = '\" + id + \"'\");");
    assertThat(SqlTextChecker.check("X.java", source))
        .singleElement()
        .asString()
        .contains("X.java:5")
        .contains("prepareStatement");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "c.prepareStatement(\"SELECT \" + COLUMNS + \" FROM pp_partner WHERE id = \" + id);",
        "c.prepareStatement(String.format(\"SELECT * FROM pp_partner WHERE id = '%s'\", id));",
        "c.prepareStatement(\"SELECT * FROM pp_partner WHERE id = '%s'\".formatted(id));",
        "c.prepareStatement(\"SELECT * FROM t WHERE id = '\" + partner.value() + \"'\");",
        "c.prepareStatement(\"SELECT * FROM t LIMIT \" + n);",
        "String q = \"SELECT * FROM t WHERE id = '\" + id + \"'\"; c.prepareStatement(q);",
        "String q = \"SELECT 1\"; q = q + id; c.prepareStatement(q);",
        "StringBuilder b = new StringBuilder(\"SELECT \"); b.append(id);"
            + " c.prepareStatement(b.toString());",
        "c.createStatement().executeQuery(\"SELECT * FROM t WHERE id = \" + id);",
        "try (Statement s = c.createStatement()) { s.execute(\"DELETE FROM t WHERE id = \" + id); }",
        "Statement s = c.createStatement(); s.addBatch(\"DELETE FROM \" + id);",
        "Statement s = c.createStatement(); s.executeUpdate(id);",
        "c.prepareCall(\"{call f('\" + id + \"')}\");",
        "c.prepareStatement(flag ? \"SELECT 1\" : id);",
        "c.prepareStatement(\"SELECT \" + columns());",
        "c.prepareStatement(OtherClass.QUERY);",
        "c.prepareStatement(\"SELECT * FROM t WHERE id = ?\" + sql.dialect());",
        "Jdbc.update(c, \"DELETE FROM t WHERE id = \" + id, ps -> {});",
        "Jdbc.query(c, \"SELECT a FROM t WHERE b = '\" + id + \"'\", Jdbc.NONE, rs -> 1);",
        "Jdbc.<String>batch(c, \"INSERT INTO t VALUES ('\" + id + \"')\", rows, (ps, r) -> {});",
      })
  void stringBuiltSqlIsFound(String body) {
    assertThat(SqlTextChecker.check("X.java", wrap("    " + body))).hasSize(1);
  }

  @Test
  void aParameterFedFromARuntimeValueIsFound() {
    String source =
        "class X {\n"
            + "  List<E> entries(Connection c, String where) throws SQLException {\n"
            + "    try (PreparedStatement ps = c.prepareStatement(\"SELECT a FROM t \" + where)) {\n"
            + "      return read(ps);\n"
            + "    }\n"
            + "  }\n"
            + "  List<E> ok(Connection c) throws SQLException { return entries(c, \"WHERE a = ?\"); }\n"
            + "  List<E> bad(Connection c, String id) throws SQLException {\n"
            + "    return entries(c, \"WHERE a = '\" + id + \"'\");\n"
            + "  }\n"
            + "}\n";
    assertThat(SqlTextChecker.check("X.java", source)).hasSize(1);
    assertThat(
            SqlTextChecker.check(
                "X.java", source.replace("\"WHERE a = '\" + id + \"'\"", "\"WHERE b = ?\"")))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "c.prepareStatement(\"SELECT * FROM pp_partner WHERE partner_id = ?\");",
        "c.prepareStatement(\"SELECT \" + COLUMNS + \" FROM pp_partner WHERE partner_id = ?\");",
        "c.prepareStatement(\"INSERT INTO t (a) VALUES (?)\" + sql.onConflictDoNothing());",
        "c.prepareStatement(\"SELECT a FROM t\" + (n == 1 ? \" WHERE b = ?\" : \"\"));",
        "String q = \"SELECT a FROM t\"; c.prepareStatement(q + \" WHERE b = ?\");",
        "ps.executeQuery(); ps.executeUpdate(); ps.addBatch(); ps.executeBatch();",
        "Jdbc.update(c, \"DELETE FROM t WHERE id = ?\", ps -> ps.setString(1, id));",
        "Jdbc.query(c, \"SELECT a FROM t\" + sql.statements().byteOrder(), Jdbc.NONE, r -> 1);",
        "c.prepareStatement(sql.statements().carryOver(n));",
        "tx.execute(conn -> work(conn, id));",
        "// c.prepareStatement(\"SELECT \" + id);",
        "/* s.execute(\"DROP \" + id); */",
      })
  void constantSqlIsAccepted(String body) {
    assertThat(SqlTextChecker.check("X.java", wrap("    " + body))).isEmpty();
  }
}

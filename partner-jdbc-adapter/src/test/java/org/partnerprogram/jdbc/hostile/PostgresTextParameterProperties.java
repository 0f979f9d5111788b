package org.partnerprogram.jdbc.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.RecordingDataSource;
import org.partnerprogram.jdbc.support.TestDatabase;
import org.partnerprogram.testkit.hostile.HostileCorpus;
import org.partnerprogram.testkit.hostile.HostileWorld;
import org.partnerprogram.testkit.hostile.TextParameters;

/**
 * Random strings into every text parameter of every command, on PostgreSQL: accepted and read back
 * from the database equal (holder names, codes, customer and event ids), or refused with an {@code
 * InvalidInputException} (or a listed typed refusal) — never a storage error or a JDK exception. No
 * accepted string ever appears in the SQL text the adapter sends. Sized for CI: {@value
 * #PER_GENERATOR} strings per generator (three generators), fixed seeds; raise with {@code
 * -Dpartner.test.hostile.strings=N}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresTextParameterProperties {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  static final int PER_GENERATOR = 15;

  private RecordingDataSource recording;
  private HostileWorld world;
  private List<TextParameters.Param> params;

  private List<TextParameters.Param> params() {
    if (params == null) {
      // Pooled, as a host's connections are: a new PostgreSQL connection costs some 4 ms.
      recording = new RecordingDataSource(DB.emptiedPool());
      world = HostileWorld.on(JdbcProgramStorage.create(recording.dataSource()));
      params = TextParameters.of(world);
    }
    return params;
  }

  private void check(long seed, Function<SplittableRandom, String> generator) {
    int count = Integer.getInteger("partner.test.hostile.strings", PER_GENERATOR);
    SplittableRandom random = new SplittableRandom(seed);
    List<String> problems = new ArrayList<>();
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String s = generator.apply(random);
      for (TextParameters.Param p : params()) {
        recording.clear();
        Optional<String> problem = TextParameters.problem(p, s);
        problem.ifPresent(problems::add);
        if (problem.isEmpty() && s.length() >= 6) {
          for (String sql : recording.statements()) {
            if (sql.contains(s)) {
              problems.add(p + " " + HostileCorpus.show(s) + " became SQL text: " + sql);
            }
          }
          accepted.add(s);
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(accepted).isNotEmpty();
  }

  @Test
  void anyUtf16String() {
    check(1, TextParameters::allPossible);
  }

  @Test
  void anyPrintableAsciiString() {
    check(2, TextParameters::basicLatin);
  }

  @Test
  void stringsBiasedToSqlAndControlCharacters() {
    check(3, TextParameters::biased);
  }

  @Test
  void sqlMetacharactersInFreeTextAreStoredAndReadBackExactly() {
    for (String s :
        List.of(
            "O'Brien\"; DROP TABLE pp_partner; --",
            "Zoë \\ 100%_off",
            "x' UNION SELECT iban FROM pp_partner --",
            "\uD83D\uDE00 Ünïcödé İstanbul")) {
      for (String name :
          List.of("enroll.holderName", "updatePayoutAccount.holderName", "suspend.reason")) {
        TextParameters.Param p =
            params().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        recording.clear();
        assertThat(p.call().apply(s)).as(name).contains(s);
        assertThat(recording.statements()).isNotEmpty().noneMatch(sql -> sql.contains(s));
      }
    }
  }
}

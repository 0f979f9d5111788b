package org.partnerprogram.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The harness's strict mode (an unreachable database server fails the run instead of being skipped
 * or replaced) follows the project's own switch, never the generic {@code CI} variable that most CI
 * services set for every build.
 */
class TestDatabaseTest {
  private static final UnaryOperator<String> NONE = name -> null;

  private static UnaryOperator<String> of(Map<String, String> values) {
    return values::get;
  }

  @Test
  void strictModeIsOffByDefault() {
    assertThat(TestDatabase.strict(NONE, NONE)).isFalse();
  }

  @Test
  void theGenericCiVariableDoesNotMakeTheRunStrict() {
    assertThat(TestDatabase.strict(of(Map.of("CI", "true")), NONE)).isFalse();
    assertThat(TestDatabase.strict(of(Map.of("CI", "1")), NONE)).isFalse();
  }

  @Test
  void theProjectsEnvironmentVariableMakesTheRunStrict() {
    assertThat(TestDatabase.strict(of(Map.of("PARTNER_STRICT", "true")), NONE)).isTrue();
    assertThat(TestDatabase.strict(of(Map.of("PARTNER_STRICT", "TRUE")), NONE)).isTrue();
    assertThat(TestDatabase.strict(of(Map.of("PARTNER_STRICT", "false", "CI", "true")), NONE))
        .isFalse();
    assertThat(TestDatabase.strict(of(Map.of("PARTNER_STRICT", "")), NONE)).isFalse();
  }

  @Test
  void theProjectsSystemPropertyMakesTheRunStrictAndWinsOverTheEnvironment() {
    assertThat(TestDatabase.strict(NONE, of(Map.of("partner.strict", "true")))).isTrue();
    assertThat(
            TestDatabase.strict(
                of(Map.of("PARTNER_STRICT", "true")), of(Map.of("partner.strict", "false"))))
        .isFalse();
  }
}

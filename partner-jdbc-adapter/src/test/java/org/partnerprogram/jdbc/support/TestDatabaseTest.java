package org.partnerprogram.jdbc.support;

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
  /** Nothing set: every name reads as unset. */
  private static String unset(String name) {
    return null;
  }

  private static UnaryOperator<String> of(Map<String, String> values) {
    return values::get;
  }

  @Test
  void strictModeIsOffByDefault() {
    assertThat(TestDatabase.strict(TestDatabaseTest::unset, TestDatabaseTest::unset)).isFalse();
  }

  @Test
  void theGenericCiVariableDoesNotMakeTheRunStrict() {
    assertThat(TestDatabase.strict(of(Map.of("CI", "true")), TestDatabaseTest::unset)).isFalse();
    assertThat(TestDatabase.strict(of(Map.of("CI", "1")), TestDatabaseTest::unset)).isFalse();
  }

  @Test
  void theProjectsEnvironmentVariableMakesTheRunStrict() {
    assertThat(TestDatabase.strict(of(Map.of("PARTNER_STRICT", "true")), TestDatabaseTest::unset))
        .isTrue();
    assertThat(TestDatabase.strict(of(Map.of("PARTNER_STRICT", "TRUE")), TestDatabaseTest::unset))
        .isTrue();
    assertThat(
            TestDatabase.strict(
                of(Map.of("PARTNER_STRICT", "false", "CI", "true")), TestDatabaseTest::unset))
        .isFalse();
    assertThat(TestDatabase.strict(of(Map.of("PARTNER_STRICT", "")), TestDatabaseTest::unset))
        .isFalse();
  }

  @Test
  void theProjectsSystemPropertyMakesTheRunStrictAndWinsOverTheEnvironment() {
    assertThat(TestDatabase.strict(TestDatabaseTest::unset, of(Map.of("partner.strict", "true"))))
        .isTrue();
    assertThat(
            TestDatabase.strict(
                of(Map.of("PARTNER_STRICT", "true")), of(Map.of("partner.strict", "false"))))
        .isFalse();
  }
}

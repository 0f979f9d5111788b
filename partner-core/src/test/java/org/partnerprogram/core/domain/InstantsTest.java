package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class InstantsTest {
  @Test
  void instantsAreAcceptedFrom1970UpToButExcluding3000AndKeptToTheMicrosecond() {
    assertThat(Instants.check("at", Instant.EPOCH)).isEqualTo(Instant.EPOCH);
    assertThat(Instants.check("at", Instant.parse("2999-12-31T23:59:59.999999999Z")))
        .isEqualTo(Instant.parse("2999-12-31T23:59:59.999999Z"));
    assertThat(Instants.check("at", Instant.parse("2026-11-28T10:00:00.123456789Z")))
        .isEqualTo(Instant.parse("2026-11-28T10:00:00.123456Z"));
    assertThatThrownBy(() -> Instants.check("at", Instant.EPOCH.minusNanos(1)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("at"))
        .hasMessageContaining("was 1969-12-31T23:59:59.999999999Z");
    assertThatThrownBy(() -> Instants.check("at", Instants.MAX_EXCLUSIVE))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Instants.check("at", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("at: must not be null");
  }

  @Test
  void monthsAndDatesAreAcceptedFrom1970To2999Inclusive() {
    assertThat(Instants.checkMonth("m", YearMonth.of(1970, 1))).isEqualTo(YearMonth.of(1970, 1));
    assertThat(Instants.checkMonth("m", YearMonth.of(2999, 12))).isEqualTo(YearMonth.of(2999, 12));
    assertThatThrownBy(() -> Instants.checkMonth("m", YearMonth.of(1969, 12)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("was 1969-12");
    assertThatThrownBy(() -> Instants.checkMonth("m", YearMonth.of(3000, 1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Instants.checkMonth("m", null))
        .isInstanceOf(InvalidInputException.class);
    assertThat(Instants.checkDate("d", LocalDate.of(2999, 12, 31)))
        .isEqualTo(LocalDate.of(2999, 12, 31));
    assertThat(Instants.checkDate("d", LocalDate.of(1970, 1, 1)))
        .isEqualTo(LocalDate.of(1970, 1, 1));
    assertThatThrownBy(() -> Instants.checkDate("d", LocalDate.of(1969, 12, 31)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("d"));
    assertThatThrownBy(() -> Instants.checkDate("d", null))
        .isInstanceOf(InvalidInputException.class);
  }
}

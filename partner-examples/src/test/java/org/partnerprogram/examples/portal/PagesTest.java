package org.partnerprogram.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.AuditAction;
import org.partnerprogram.core.domain.AuditRecord;
import org.partnerprogram.core.domain.Funnel;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.port.in.AuditVerification;
import org.partnerprogram.core.port.in.Page;

class PagesTest {
  @Test
  void datesAreWrittenInEnglishWhateverTheServersLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("nl-NL"));
    try {
      Pages pages =
          new Pages(
              ZoneId.of("Europe/Amsterdam"),
              Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC),
              Duration.ofDays(90));

      assertThat(pages.dateTime(Instant.parse("2026-03-10T10:00:00Z")))
          .isEqualTo("10 Mar 2026 11:00");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void theAdminPageEscapesAnAttackersReasonAndShowsABrokenChain() {
    Pages pages =
        new Pages(
            ZoneOffset.UTC,
            Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC),
            Duration.ofDays(90));
    Money zero = Money.of("0.00", "EUR");
    AuditRecord hostile =
        new AuditRecord(
            1,
            Instant.parse("2026-03-10T09:00:00Z"),
            "operator:c1",
            AuditAction.values()[0],
            Optional.of(PartnerId.of("p1")),
            "",
            "<script>alert('x')</script> & \"",
            "0".repeat(64));
    String html =
        pages.admin(
            new Pages.View("t", Optional.empty(), null, "/admin", Optional.empty(), false),
            false,
            Optional.empty(),
            new Pages.AdminData(
                new Funnel(YearMonth.of(2026, 3), 1, 0, 0, zero, zero, zero, zero),
                List.of(),
                new Page<>(List.of(hostile), Optional.empty()),
                new AuditVerification(
                    1,
                    Optional.of(
                        new AuditVerification.Break(
                            1, AuditVerification.Problem.values()[0], "changed")))));

    assertThat(html)
        .doesNotContain("<script>alert")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;")
        .contains("The chain is broken at #1.");
  }
}

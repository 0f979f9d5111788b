package org.partnerprogram.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;

class QuickStartTest {
  @Test
  void theQuickStartEnrolsAPartnerAndShowsLinkAndRates() {
    PartnerOverview page = QuickStart.run();

    assertThat(page.status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(page.links())
        .singleElement()
        .satisfies(
            l ->
                assertThat(l.url().toString()).matches("https://example\\.nl/\\?ref=[2-9A-Z]{12}"));
    assertThat(page.rates())
        .extracting(r -> r.target(), r -> r.rate())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                RateTarget.group("shared-hosting"), Rate.percent("25")),
            org.assertj.core.groups.Tuple.tuple(RateTarget.group("vps"), Rate.percent("12.5")));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QuickStart.print(page, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("Referral link: https://example.nl/?ref=");
    assertThat(printed).contains("vps").contains("12.5 %");
    assertThat(printed).contains("NL************4300").doesNotContain("0417");
  }
}

package org.partnerprogram.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.ProductRate;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.port.in.AddRateVersionCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.EnrollmentResult;
import org.partnerprogram.core.port.in.PartnerOverviewQuery;

/**
 * The first half of the seed's story on the in-memory adapter: the host sets up its rate card, an
 * existing customer enrols as a partner, and the partner page shows the referral link and the
 * kickback rates.
 *
 * <p>Run it with {@code ./mvnw -q -pl partner-examples -am install -DskipTests && ./mvnw -q -pl
 * partner-examples exec:java} (see the README).
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Runs the example and prints the partner page.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PartnerOverview page = run(Clock.systemUTC());
    print(page, out);
  }

  /**
   * Wires a programme, sets the rate card, enrols one partner and returns their overview.
   *
   * @param clock the programme's clock
   * @return the partner page
   */
  public static PartnerOverview run(Clock clock) {
    // tag::wiring[]
    PartnerProgram program =
        PartnerProgram.builder()
            .terms(
                ProgramTerms.builder() // EUR, Europe/Amsterdam, 90-day window: the defaults
                    .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                    .build())
            .storage(new InMemoryStorage()) // or JdbcProgramStorage for a real database
            .clock(clock)
            .build();

    // The host's rate card: shared hosting and VPS participate, domain names do not.
    program
        .addRateVersion()
        .addRateVersion(
            AddRateVersionCommand.programmeWide( // in force from now on
                Map.of(
                    RateTarget.group("shared-hosting"), Rate.percent("25"),
                    RateTarget.group("vps"), Rate.percent("12.5"))));

    // An existing customer clicks "Aanmelden" in the portal.
    EnrollmentResult enrolled =
        program
            .enrollPartner()
            .enroll(
                EnrollPartnerCommand.of(
                    "customer-1042", PayoutAccount.of("NL91 ABNA 0417 1643 00", "J. de Vries")));

    // The partner page: referral link with a copy button, and the kickback rates.
    PartnerOverview page =
        program
            .partnerOverview()
            .overview(PartnerOverviewQuery.byPartner(enrolled.partner().id()))
            .orElseThrow();
    // end::wiring[]
    return page;
  }

  static void print(PartnerOverview page, PrintStream out) {
    out.println("Partner " + page.partnerId() + " (" + page.status() + ")");
    for (PartnerOverview.ReferralLink link : page.links()) {
      out.println("  Referral link: " + link.url());
    }
    out.println("  Kickback rates:");
    for (ProductRate rate : page.rates()) {
      out.printf("    %-16s %s%n", rate.target().id(), rate.rate());
    }
    out.println(
        "  Paid monthly to: "
            + page.payoutIbanMasked().orElse("(no account yet)")
            + " ("
            + page.payoutHolderName().orElse("")
            + ")");
  }
}

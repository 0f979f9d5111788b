package org.partnerprogram.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.ProductRate;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.EnrollmentResult;
import org.partnerprogram.core.port.in.RateChange;

/**
 * The first half of the seed's story on the in-memory adapter: the host sets up its rate card, an
 * existing customer enrols as a partner, and the partner page shows the referral link and the
 * kickback rates.
 *
 * <p>Run it with {@code ./mvnw -q -pl partner-examples -am install -DskipTests && ./mvnw -q -pl
 * partner-examples exec:java} (see the README).
 */
public final class QuickStart {
  /**
   * The examples' pseudonym key, public so that they run anywhere. A real host loads its own from
   * its secret store ({@code openssl rand -base64 32}) and never commits it.
   */
  public static final String DEMO_PSEUDONYM_KEY = "g6AAYd/jJKL9ZnoAWmod9BZAYr6FWbzxAKYMCRZiI0s=";

  private QuickStart() {}

  /**
   * Runs the example and prints the partner page.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    print(run(), out);
  }

  /**
   * Wires a programme on the system clock, sets the rate card, enrols one partner and returns their
   * overview.
   *
   * @return the partner page
   */
  public static PartnerOverview run() {
    // tag::wiring[]
    Clock clock = Clock.systemUTC(); // tests pass a fixed or movable clock
    PartnerProgram program =
        PartnerProgram.builder()
            .pseudonymKey(PseudonymKey.fromBase64(DEMO_PSEUDONYM_KEY)) // real ones: from a vault
            .terms(
                ProgramTerms.builder() // EUR, Europe/Amsterdam, 90-day window: the defaults
                    .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                    .build())
            .storage(new InMemoryStorage()) // or JdbcProgramStorage for a real database
            .clock(clock)
            .build();

    // The host's rate card: shared hosting and VPS participate, domain names do not.
    program
        .rates()
        .change(
            RateChange.programmeWide(Act.by("ops", "launch"))
                .set(RateTarget.group("shared-hosting"), Rate.percent("25"))
                .set(RateTarget.group("vps"), Rate.percent("12.5")));

    // An existing customer clicks "Aanmelden"; the host passes the IBAN it has on file.
    EnrollmentResult enrolled =
        program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("customer-1042")
                    .withPayoutAccount("NL91 ABNA 0417 1643 00", "J. de Vries"));

    // The partner page: referral link with a copy button, the kickback rates, the balance.
    PartnerOverview page = program.partners().overview(enrolled.partner().id()).orElseThrow();
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

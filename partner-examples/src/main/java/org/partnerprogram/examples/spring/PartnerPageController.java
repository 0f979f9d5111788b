package org.partnerprogram.examples.spring;

import java.util.List;
import java.util.Objects;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerOverview;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner page as JSON, {@code GET /partners/{partnerId}}: status, referral links, the balance
 * by state and the recent payouts. Amounts are decimal strings at the currency's scale (never
 * floating point). Outside a Spring transaction, so the storage owns the read. A real host
 * authenticates the partner first.
 */
@RestController
public class PartnerPageController {
  private final PartnerProgram program;

  /**
   * The page.
   *
   * @param program the programme
   */
  public PartnerPageController(PartnerProgram program) {
    this.program = Objects.requireNonNull(program, "program");
  }

  /** One payout on the page. */
  public record PayoutLine(String month, String amount, String status) {}

  /** The page. */
  public record PartnerPage(
      String partnerId,
      String status,
      String currency,
      String pending,
      String held,
      String payable,
      String inPayout,
      String paid,
      List<String> referralLinks,
      String nextPayoutDate,
      List<PayoutLine> recentPayouts) {}

  /**
   * The partner's page.
   *
   * @param partnerId the partner
   * @return 200 with the page, or 404 for an unknown partner
   */
  @GetMapping("/partners/{partnerId}")
  public ResponseEntity<PartnerPage> page(@PathVariable String partnerId) {
    return program
        .partners()
        .overview(PartnerId.of(partnerId))
        .map(PartnerPageController::toPage)
        .map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  private static PartnerPage toPage(PartnerOverview o) {
    Balance b = o.balance();
    return new PartnerPage(
        o.partnerId().value(),
        o.status().name(),
        b.payable().currency().getCurrencyCode(),
        amount(b.pending()),
        amount(b.held()),
        amount(b.payable()),
        amount(b.inPayout()),
        amount(b.paid()),
        o.links().stream().map(l -> l.url().toString()).toList(),
        o.nextPayoutDate().toString(),
        o.recentPayouts().stream()
            .map(p -> new PayoutLine(p.month().toString(), amount(p.amount()), p.status().name()))
            .toList());
  }

  private static String amount(Money m) {
    return m.amount().toPlainString();
  }
}

package org.partnerprogram.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.PartnerExport;
import org.partnerprogram.core.port.in.PartnerExportOptions;
import org.partnerprogram.core.port.in.PartnerExportOptions.IbanDisclosure;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.out.AttributionStore;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * The contract of a partner's data export ({@code program.privacy().exportPartner}), which every
 * {@link ProgramStorage} must pass: the paged reads behind it ({@link
 * LedgerStore#entriesOfPartner}, {@link AttributionStore#attributionsOfPartner}) return every row
 * of the partner once, in order, up to the instant asked for; and the document holds a little of
 * everything the programme keeps about a partner, the referred customers by pseudonym only, and
 * nothing recorded after it was generated.
 *
 * @param <S> the storage type under test
 */
public abstract class PartnerExportContractTest<S extends ProgramStorage>
    extends StorageContractSupport<S> {

  private static final String SECOND_IBAN = "DE89370400440532013000";

  /**
   * A programme with a little of everything for the fixture's partner: two payout accounts, a
   * revoked code, two referred customers and a refused self-referral, a customer of another
   * partner, orders paid and refunded, November closed and paid, an order in December.
   */
  private static ProgramFixture aLittleOfEverything(ProgramFixture f) {
    PartnerId jan = f.partner.id();
    f.program
        .partners()
        .updatePayoutAccount(jan, PayoutAccount.of(SECOND_IBAN, "Jan de Vries \"Hosting\""));
    String generated = f.program.referrals().issueCode(jan).code().value();
    f.clock.advance(Duration.ofMinutes(1));
    f.program.referrals().revokeCode(generated);
    CustomerAccountId first = f.referredCustomer("new-1");
    f.clock.advance(Duration.ofMinutes(1));
    CustomerAccountId second = f.referredCustomer("new-2");
    f.program
        .referrals()
        .attributeSignup(
            AttributeSignupCommand.newCustomer("new-3")
                .typedCode("jan-hosting")
                .iban(SECOND_IBAN)
                .at(f.clock.instant()));
    PartnerId anna =
        f.program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("cust-other")
                    .withPayoutAccount("NL91ABNA0417164300", "Anna Bakker"))
            .partner()
            .id();
    f.program.referrals().issueVanityCode(anna, "anna-hosting");
    f.program.referrals().recordTouch(RecordTouchCommand.of("anna-hosting", "v-other-1"));
    f.program
        .referrals()
        .attributeSignup(
            AttributeSignupCommand.newCustomer("other-1")
                .visitor("v-other-1")
                .at(f.clock.instant()));
    f.clock.advance(Duration.ofHours(1));
    f.record(
        f.order(
            "order-1",
            first,
            ProgramFixture.line(1, "shared-hosting", "100.00"),
            ProgramFixture.line(2, "vps", "80.00")));
    f.record(f.order("order-2", second, ProgramFixture.line(1, "vps", "40.00")));
    f.record(
        f.order(
            "order-other", CustomerAccountId.of("other-1"), ProgramFixture.line(1, "vps", "8")));
    f.clock.advance(Duration.ofHours(1));
    pay(f, "order-1");
    pay(f, "order-other");
    f.clock.advance(Duration.ofHours(1));
    f.program
        .commissions()
        .recordRefund(
            RecordRefundCommand.perLine(
                "refund-1", "order-1", f.clock.instant(), Map.of(2, ProgramFixture.eur("40.00"))));
    f.clock.set(Instant.parse("2026-12-01T08:00:00Z"));
    f.program.payouts().close(YearMonth.of(2026, 11), Acts.TEST);
    Payout payout =
        f.payoutsOf(YearMonth.of(2026, 11)).stream()
            .filter(p -> p.partnerId().equals(jan))
            .findFirst()
            .orElseThrow();
    f.clock.advance(Duration.ofDays(2));
    f.program.payouts().markPaid(payout.payoutId(), f.clock.instant(), Acts.TEST);
    f.clock.advance(Duration.ofDays(1));
    f.record(f.order("order-3", first, ProgramFixture.line(1, "shared-hosting", "20.00")));
    f.clock.advance(Duration.ofHours(1));
    return f;
  }

  private static void pay(ProgramFixture f, String orderId) {
    f.program
        .commissions()
        .recordPayment(RecordPaymentCommand.of("pay-" + orderId, orderId, f.clock.instant()));
  }

  private static String export(ProgramFixture f, PartnerExportOptions options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PartnerExport summary = f.program.privacy().exportPartner(f.partner.id(), out, options);
    assertThat(summary.partnerId()).isEqualTo(f.partner.id());
    return out.toString(StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> array(Object value) {
    return (List<Object>) value;
  }

  private static List<Map<String, Object>> objects(Object value) {
    return array(value).stream().map(PartnerExportContractTest::object).toList();
  }

  private List<LedgerEntry> entriesByPages(PartnerId partner, Instant by, int limit) {
    List<LedgerEntry> all = new ArrayList<>();
    Optional<LedgerStore.EntryKey> after = Optional.empty();
    List<LedgerEntry> page;
    do {
      Optional<LedgerStore.EntryKey> from = after;
      page = tx(() -> storage.ledger().entriesOfPartner(partner, by, from, limit));
      assertThat(page.size()).isLessThanOrEqualTo(limit);
      all.addAll(page);
      if (!page.isEmpty()) {
        after = Optional.of(LedgerStore.EntryKey.of(page.get(page.size() - 1)));
      }
    } while (page.size() == limit);
    return all;
  }

  private List<AttributionRecord> attributionsByPages(PartnerId partner, Instant by, int limit) {
    List<AttributionRecord> all = new ArrayList<>();
    Optional<AttributionStore.AttributionKey> after = Optional.empty();
    List<AttributionRecord> page;
    do {
      Optional<AttributionStore.AttributionKey> from = after;
      page = tx(() -> storage.attributions().attributionsOfPartner(partner, by, from, limit));
      assertThat(page.size()).isLessThanOrEqualTo(limit);
      all.addAll(page);
      if (!page.isEmpty()) {
        after = Optional.of(AttributionStore.AttributionKey.of(page.get(page.size() - 1)));
      }
    } while (page.size() == limit);
    return all;
  }

  // ---------------------------------------------------------------- the paged reads

  @Test
  void entryPagesReturnEveryEntryOfThePartnerOnceInRecordingOrderUpToTheInstant() {
    ProgramFixture f = aLittleOfEverything(ProgramFixture.on(storage, b -> b));
    PartnerId jan = f.partner.id();
    List<LedgerEntry> all = entriesByPages(jan, f.clock.instant(), 1_000);
    assertThat(all).hasSize(7).allMatch(e -> e.partnerId().equals(jan));
    assertThat(all)
        .isSortedAccordingTo(
            Comparator.comparing(LedgerEntry::recordedAt).thenComparing(LedgerEntry::entryId));
    assertThat(entriesByPages(jan, f.clock.instant(), 1)).isEqualTo(all);
    assertThat(entriesByPages(jan, f.clock.instant(), 3)).isEqualTo(all);
    Instant cut = all.get(all.size() - 1).recordedAt().minusNanos(1_000);
    assertThat(entriesByPages(jan, cut, 2))
        .isEqualTo(all.stream().filter(e -> !e.recordedAt().isAfter(cut)).toList())
        .isNotEmpty()
        .hasSizeLessThan(all.size());
    assertThat(entriesByPages(PartnerId.of("p_nobody"), f.clock.instant(), 5)).isEmpty();
  }

  @Test
  void attributionPagesReturnTheDecisionsConcerningThePartnerOnceInDecisionOrder() {
    ProgramFixture f = aLittleOfEverything(ProgramFixture.on(storage, b -> b));
    PartnerId jan = f.partner.id();
    List<AttributionRecord> all = attributionsByPages(jan, f.clock.instant(), 100);
    assertThat(all)
        .extracting(r -> r.customer().value())
        .containsExactlyInAnyOrder("new-1", "new-2", "new-3");
    assertThat(all)
        .isSortedAccordingTo(
            Comparator.comparing(AttributionRecord::decidedAt)
                .thenComparing(r -> r.customer().value()));
    assertThat(attributionsByPages(jan, f.clock.instant(), 1)).isEqualTo(all);
    Instant cut = all.get(0).decidedAt();
    assertThat(attributionsByPages(jan, cut, 1))
        .isEqualTo(all.stream().filter(r -> !r.decidedAt().isAfter(cut)).toList());
    assertThat(attributionsByPages(jan, cut.minusNanos(1_000), 1)).isEmpty();
  }

  // ---------------------------------------------------------------- the document

  @Test
  void theDocumentHoldsALittleOfEverythingAndNoReferredCustomersAccountId() {
    ProgramFixture f = aLittleOfEverything(ProgramFixture.on(storage, b -> b));
    PartnerId jan = f.partner.id();
    String json = export(f, PartnerExportOptions.defaults());
    Map<String, Object> doc = object(StrictJson.parse(json));

    assertThat(doc.get("schemaVersion"))
        .isEqualTo(BigDecimal.valueOf(PartnerExport.JSON_SCHEMA_VERSION));
    assertThat(doc.get("kind")).isEqualTo(PartnerExport.KIND);
    assertThat(doc.get("generatedAt")).isEqualTo(f.clock.instant().toString());
    assertThat(doc.get("ibans")).isEqualTo("MASKED");
    Map<String, Object> partner = object(doc.get("partner"));
    assertThat(partner.get("partnerId")).isEqualTo(jan.value());
    assertThat(partner.get("customerAccountId")).isEqualTo("cust-partner");
    assertThat(partner.get("status")).isEqualTo("ACTIVE");
    assertThat(partner.get("enrolledAt")).isEqualTo(ProgramFixture.START.toString());

    List<Map<String, Object>> accounts = objects(doc.get("payoutAccounts"));
    assertThat(accounts)
        .extracting(a -> a.get("iban"))
        .containsExactly("NL************4300", "DE****************3000");
    assertThat(accounts)
        .extracting(a -> a.get("holderName"))
        .containsExactly("Jan de Vries", "Jan de Vries \"Hosting\"");

    List<Map<String, Object>> codes = objects(doc.get("codes"));
    assertThat(codes).hasSize(tx(() -> storage.codes().findByPartner(jan)).size());
    assertThat(codes).filteredOn(c -> c.get("revokedAt") instanceof String).hasSize(1);
    assertThat(codes)
        .filteredOn(c -> c.get("code").equals("JAN-HOSTING"))
        .singleElement()
        .satisfies(c -> assertThat(c.get("revokedAt")).isSameAs(StrictJson.NULL));

    List<Map<String, Object>> attributions = objects(doc.get("attributions"));
    assertThat(attributions)
        .extracting(a -> a.get("customer"))
        .containsExactlyInAnyOrder(pseudonym("new-1"), pseudonym("new-2"), pseudonym("new-3"));
    assertThat(attributions).filteredOn(a -> a.get("outcome").equals("ATTRIBUTED")).hasSize(2);
    assertThat(attributions)
        .filteredOn(a -> a.get("outcome").equals("NOT_ATTRIBUTED"))
        .singleElement()
        .satisfies(a -> assertThat(a.get("reason")).isEqualTo("SELF_REFERRAL"));
    for (String id : List.of("new-1", "new-2", "new-3", "other-1", "v-new-1", "cust-other")) {
      assertThat(json)
          .as("the export names no referred customer or visitor")
          .doesNotContain("\"" + id + "\"");
    }
    assertThat(json).doesNotContain("order-other").doesNotContain("Anna");

    List<LedgerEntry> stored = entriesByPages(jan, f.clock.instant(), 1_000);
    List<Map<String, Object>> ledger = objects(doc.get("ledger"));
    assertThat(ledger)
        .extracting(e -> e.get("entryId"))
        .containsExactlyElementsOf(stored.stream().map(e -> e.entryId().toString()).toList());
    assertThat(ledger).extracting(e -> e.get("kind")).contains("ACCRUED", "EARNED", "REVERSED");
    Map<String, Object> reversal =
        ledger.stream().filter(e -> e.get("kind").equals("REVERSED")).findFirst().orElseThrow();
    assertThat(reversal.get("amount")).isEqualTo(new BigDecimal("5.00"));
    assertThat(reversal.get("base")).isEqualTo(new BigDecimal("40.00"));
    assertThat(reversal.get("orderId")).isEqualTo("order-1");

    List<Map<String, Object>> payouts = objects(doc.get("payouts"));
    assertThat(payouts)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.get("period")).isEqualTo("2026-11");
              assertThat(p.get("status")).isEqualTo("PAID");
              assertThat(p.get("amount")).isEqualTo(new BigDecimal("30.00"));
              assertThat(p.get("iban")).isEqualTo("DE****************3000");
            });

    List<Map<String, Object>> statements = objects(doc.get("statements"));
    assertThat(statements)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("month")).isEqualTo("2026-11");
              assertThat(s.get("partnerId")).isEqualTo(jan.value());
              assertThat(s.get("total")).isEqualTo(new BigDecimal("30.00"));
            });
    String statementJson =
        f.program
            .payouts()
            .statement(
                org.partnerprogram.core.port.in.StatementQuery.of(jan, YearMonth.of(2026, 11))
                    .asOf(f.clock.instant()))
            .toJson();
    assertThat(json).contains(statementJson);

    Map<String, Object> totals = object(doc.get("totals"));
    assertThat(totals.get("ledgerEntries")).isEqualTo(BigDecimal.valueOf(stored.size()));
    assertThat(totals.get("attributions")).isEqualTo(BigDecimal.valueOf(3));
    assertThat(totals.get("payouts")).isEqualTo(BigDecimal.ONE);
    assertThat(totals.get("statements")).isEqualTo(BigDecimal.ONE);
    assertThat(totals.get("earned")).isEqualTo(sum(stored, LedgerEntry.Kind.EARNED));
    assertThat(totals.get("accrued")).isEqualTo(sum(stored, LedgerEntry.Kind.ACCRUED));
    assertThat(totals.get("reversed")).isEqualTo(new BigDecimal("5.00"));
  }

  private static String pseudonym(String customer) {
    return ProgramFixture.PSEUDONYM_KEY.pseudonymOf(CustomerAccountId.of(customer)).value();
  }

  private static BigDecimal sum(List<LedgerEntry> entries, LedgerEntry.Kind kind) {
    return entries.stream()
        .filter(e -> e.kind() == kind)
        .map(e -> e.amount().amount())
        .reduce(new BigDecimal("0.00"), BigDecimal::add);
  }

  @Test
  void ibansAppearWholeMaskedOrNotAtAsTheHostAsks() {
    ProgramFixture f = aLittleOfEverything(ProgramFixture.on(storage, b -> b));
    String full = export(f, PartnerExportOptions.defaults().ibans(IbanDisclosure.FULL));
    assertThat(full).contains("\"iban\":\"" + SECOND_IBAN + "\"").contains("NL91ABNA0417164300");
    String omitted = export(f, PartnerExportOptions.defaults().ibans(IbanDisclosure.OMITTED));
    Map<String, Object> doc = object(StrictJson.parse(omitted));
    assertThat(objects(doc.get("payoutAccounts")))
        .allSatisfy(a -> assertThat(a.get("iban")).isSameAs(StrictJson.NULL));
    assertThat(objects(doc.get("payouts")))
        .allSatisfy(p -> assertThat(p.get("iban")).isSameAs(StrictJson.NULL));
    assertThat(omitted).doesNotContain(SECOND_IBAN).doesNotContain("NL91ABNA0417164300");
    assertThat(doc.get("ibans")).isEqualTo("OMITTED");
  }

  @Test
  void whatWasRecordedAfterTheDocumentsInstantIsLeftOut() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    CustomerAccountId first = f.referredCustomer("new-1");
    f.record(f.order("order-1", first, ProgramFixture.line(1, "vps", "80.00")));
    Instant asOf = f.clock.instant();
    int codesBefore = tx(() -> storage.codes().findByPartner(f.partner.id())).size();
    // Another instance records at a later instant while this one's export starts at asOf.
    f.clock.advance(Duration.ofMinutes(5));
    f.referredCustomer("new-2");
    f.record(f.order("order-2", first, ProgramFixture.line(1, "vps", "40.00")));
    f.program.referrals().issueCode(f.partner.id());
    f.clock.set(asOf);

    Map<String, Object> doc = object(StrictJson.parse(export(f, PartnerExportOptions.defaults())));
    assertThat(objects(doc.get("ledger")))
        .extracting(e -> e.get("orderId"))
        .containsExactly("order-1");
    assertThat(objects(doc.get("attributions")))
        .extracting(a -> a.get("customer"))
        .containsExactly(pseudonym("new-1"));
    assertThat(objects(doc.get("codes"))).hasSize(codesBefore);
    assertThat(object(doc.get("totals")).get("accrued")).isEqualTo(new BigDecimal("10.00"));
  }

  @Test
  void anUnknownPartnerIsNotFoundAndNothingIsWritten() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> f.program.privacy().exportPartner(PartnerId.of("p_nobody"), out))
        .isInstanceOf(NotFoundException.class);
    assertThat(out.size()).isZero();
  }
}

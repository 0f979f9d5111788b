package org.partnerprogram.core;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.Iban;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutAccountChange;
import org.partnerprogram.core.domain.PeriodClose;
import org.partnerprogram.core.port.in.PartnerExport;
import org.partnerprogram.core.port.in.PartnerExportOptions;
import org.partnerprogram.core.port.in.PartnerExportOptions.IbanDisclosure;
import org.partnerprogram.core.port.in.StatementQuery;
import org.partnerprogram.core.port.out.AttributionStore;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.core.port.out.PayoutStore;

/**
 * A partner's data as one JSON document ({@link
 * org.partnerprogram.core.port.in.Privacy#exportPartner}), streamed: every section is read page by
 * page, each page in a short unit of work of its own, and written before the next page is read, so
 * neither the ledger nor the statements are ever held whole, and no transaction stays open while
 * the host's stream is written. Everything is filtered to what was recorded by the export's start
 * ({@code generatedAt}).
 */
final class PartnerExportService {
  /** Ledger entries per page: a page is a few hundred kilobytes at most. */
  static final int LEDGER_PAGE = 1_000;

  private static final int ATTRIBUTION_PAGE = 500;
  private static final int PAYOUT_PAGE = 200;

  private final ServiceContext ctx;
  private final StatementService statements;

  /**
   * Wires the export.
   *
   * @param ctx the terms, ports, clock and pseudonym key
   */
  PartnerExportService(ServiceContext ctx) {
    this.ctx = ctx;
    this.statements = new StatementService(ctx);
  }

  /**
   * Writes the document.
   *
   * @param partnerId the partner
   * @param out the stream, flushed, not closed
   * @param options how IBANs appear
   * @return what was written
   */
  PartnerExport export(PartnerId partnerId, OutputStream out, PartnerExportOptions options) {
    ServiceContext.required("partnerId", partnerId);
    ServiceContext.required("out", out);
    ServiceContext.required("options", options);
    Instant asOf = ctx.now();
    // Read before the first byte, so an unknown partner writes nothing.
    Partner partner = ctx.tx.execute(() -> ctx.partner(partnerId));
    Writer writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    ExportJson json = new ExportJson(writer);
    Counts counts = new Counts(ctx.terms.currency());
    json.beginObject();
    json.name("schemaVersion").value(PartnerExport.JSON_SCHEMA_VERSION);
    json.name("kind").value(PartnerExport.KIND);
    json.name("generatedAt").value(asOf);
    json.name("programName").value(ctx.terms.programName());
    json.name("currency").value(ctx.terms.currency().getCurrencyCode());
    json.name("ibans").value(options.ibans().name());
    profile(json, partner);
    accounts(json, partnerId, asOf, options.ibans());
    codes(json, partnerId, asOf);
    attributions(json, partnerId, asOf, counts);
    ledger(json, partnerId, asOf, counts);
    payouts(json, partnerId, asOf, options.ibans(), counts);
    statements(json, partner, asOf, counts);
    json.name("totals").beginObject();
    json.name("attributions").value(counts.attributions);
    json.name("ledgerEntries").value(counts.entries);
    for (LedgerEntry.Kind kind : LedgerEntry.Kind.values()) {
      json.name(totalName(kind)).value(counts.byKind.get(kind));
    }
    json.name("payouts").value(counts.payouts);
    json.name("statements").value(counts.statements);
    json.endObject();
    json.endObject();
    json.flush();
    return new PartnerExport(
        partnerId, asOf, counts.attributions, counts.entries, counts.payouts, counts.statements);
  }

  private static void profile(ExportJson json, Partner p) {
    json.name("partner").beginObject();
    json.name("partnerId").value(p.id().value());
    json.name("customerAccountId").value(p.customerAccountId().value());
    json.name("status").value(p.status().name());
    json.name("statusChangedAt").value(p.statusChangedAt());
    json.name("enrolledAt").value(p.enrolledAt());
    json.name("lastAbsence");
    if (p.lastAbsence().isPresent()) {
      json.beginObject();
      json.name("leftAt").value(p.lastAbsence().get().leftAt());
      json.name("rejoinedAt").value(p.lastAbsence().get().rejoinedAt());
      json.endObject();
    } else {
      json.value((String) null);
    }
    json.endObject();
  }

  private void accounts(ExportJson json, PartnerId partnerId, Instant asOf, IbanDisclosure ibans) {
    List<PayoutAccountChange> history =
        ctx.tx.execute(() -> ctx.storage.partners().payoutAccountHistory(partnerId));
    json.name("payoutAccounts").beginArray();
    for (PayoutAccountChange change : history) {
      if (change.changedAt().isAfter(asOf)) {
        continue;
      }
      json.beginObject();
      json.name("partnerVersion").value(change.partnerVersion());
      json.name("changedAt").value(change.changedAt());
      json.name("iban").value(iban(change.account().iban(), ibans));
      json.name("holderName").value(change.account().holderName());
      json.endObject();
    }
    json.endArray();
  }

  private void codes(ExportJson json, PartnerId partnerId, Instant asOf) {
    List<IssuedCode> codes = ctx.tx.execute(() -> ctx.storage.codes().findByPartner(partnerId));
    json.name("codes").beginArray();
    for (IssuedCode code : codes) {
      if (code.issuedAt().isAfter(asOf)) {
        continue;
      }
      json.beginObject();
      json.name("code").value(code.code().value());
      json.name("vanity").value(code.vanity());
      json.name("issuedAt").value(code.issuedAt());
      json.name("revokedAt").valueOrNull(code.revokedAt().filter(at -> !at.isAfter(asOf)));
      json.endObject();
    }
    json.endArray();
  }

  private void attributions(ExportJson json, PartnerId partnerId, Instant asOf, Counts counts) {
    AttributionStore store = ctx.storage.attributions();
    json.name("attributions").beginArray();
    inPages(
        from -> store.attributionsOfPartner(partnerId, asOf, from, ATTRIBUTION_PAGE),
        AttributionStore.AttributionKey::of,
        ATTRIBUTION_PAGE,
        r -> {
          attribution(json, r);
          counts.attributions++;
        });
    json.endArray();
  }

  /**
   * Reads rows by keyset pages, each page in its own short unit of work, and hands each row on
   * before the next page is read: the next page starts after the last row's key, and a page shorter
   * than {@code size} is the last.
   */
  private <R, K> void inPages(
      Function<Optional<K>, List<R>> page, Function<R, K> keyOf, int size, Consumer<R> each) {
    Optional<K> after = Optional.empty();
    List<R> rows;
    do {
      Optional<K> from = after;
      rows = ctx.tx.execute(() -> page.apply(from));
      for (R row : rows) {
        each.accept(row);
        after = Optional.of(keyOf.apply(row));
      }
    } while (rows.size() == size);
  }

  /** One decision, the customer by pseudonym: never their account id, nor their visitor id. */
  private void attribution(ExportJson json, AttributionRecord r) {
    json.beginObject();
    json.name("customer").value(ctx.pseudonyms.pseudonymOf(r.customer()).value());
    if (r.decision() instanceof AttributionDecision.Attributed a) {
      json.name("outcome").value("ATTRIBUTED");
      json.name("reason").value((String) null);
      json.name("code").value(a.code().value());
      json.name("rule").value(a.rule().name());
      json.name("touchedAt").value(a.touchAt());
    } else {
      AttributionDecision.NotAttributed n = (AttributionDecision.NotAttributed) r.decision();
      json.name("outcome").value("NOT_ATTRIBUTED");
      json.name("reason").value(n.reason().name());
      json.name("code").value((String) null);
      json.name("rule").value((String) null);
      json.name("touchedAt").value((Instant) null);
    }
    json.name("signupAt").value(r.signupAt());
    json.name("decidedAt").value(r.decidedAt());
    json.endObject();
  }

  private void ledger(ExportJson json, PartnerId partnerId, Instant asOf, Counts counts) {
    LedgerStore store = ctx.storage.ledger();
    json.name("ledger").beginArray();
    inPages(
        from -> store.entriesOfPartner(partnerId, asOf, from, LEDGER_PAGE),
        LedgerStore.EntryKey::of,
        LEDGER_PAGE,
        e -> {
          json.beginObject();
          json.name("entryId").value(e.entryId().toString());
          json.name("orderId").valueOrNull(e.orderId().map(OrderId::value));
          json.name("lineNumber").value(e.lineNumber());
          json.name("kind").value(e.kind().name());
          json.name("amount").value(e.amount());
          json.name("base").value(e.base());
          json.name("currency").value(e.amount().currency().getCurrencyCode());
          json.name("occurredAt").value(e.occurredAt());
          json.name("payableAt").valueOrNull(e.payableAt());
          json.name("sourceEvent").value(e.sourceEvent().value());
          json.name("recordedAt").value(e.recordedAt());
          json.endObject();
          counts.add(e);
        });
    json.endArray();
  }

  private void payouts(
      ExportJson json, PartnerId partnerId, Instant asOf, IbanDisclosure ibans, Counts counts) {
    PayoutStore store = ctx.storage.payouts();
    json.name("payouts").beginArray();
    Optional<PayoutStore.PayoutKey> after = Optional.empty();
    List<Payout> page;
    do {
      Optional<PayoutStore.PayoutKey> from = after;
      page = ctx.tx.execute(() -> store.payoutsOfPartner(partnerId, from, PAYOUT_PAGE));
      for (Payout p : page) {
        after = Optional.of(new PayoutStore.PayoutKey(p.period(), p.payoutId()));
        if (p.createdAt().isAfter(asOf)) {
          continue;
        }
        json.beginObject();
        json.name("payoutId").value(p.payoutId().value());
        json.name("period").value(p.period().toString());
        json.name("amount").value(p.amount());
        json.name("iban").valueOrNull(p.account().map(a -> iban(a.iban(), ibans)));
        json.name("holderName").valueOrNull(p.account().map(PayoutAccount::holderName));
        json.name("status").value(p.status().name());
        json.name("createdAt").value(p.createdAt());
        json.name("statusChangedAt").value(p.statusChangedAt());
        json.name("failureReason").valueOrNull(p.failureReason());
        json.endObject();
        counts.payouts++;
      }
    } while (page.size() == PAYOUT_PAGE);
    json.endArray();
  }

  /**
   * The statements of the closed months in which the partner has a close line, oldest first, each
   * produced as of the export's instant and written before the next is read. Months are closed in
   * order without gaps, so the closed months are found by walking back from the latest close; the
   * walk stops at the month the partner enrolled in.
   */
  private void statements(ExportJson json, Partner partner, Instant asOf, Counts counts) {
    YearMonth enrolled = YearMonth.from(partner.enrolledAt().atZone(ctx.terms.zone()));
    List<YearMonth> months =
        ctx.tx.execute(
            () -> {
              PayoutStore store = ctx.storage.payouts();
              List<YearMonth> found = new ArrayList<>();
              Optional<PeriodClose> close = store.latestClose();
              while (close.isPresent() && !close.get().period().isBefore(enrolled)) {
                YearMonth month = close.get().period();
                if (!close.get().closedAt().isAfter(asOf)
                    && store.closeLine(month, partner.id()).isPresent()) {
                  found.add(month);
                }
                close = store.findClose(month.minusMonths(1));
              }
              Collections.reverse(found);
              return found;
            });
    json.name("statements").beginArray();
    for (YearMonth month : months) {
      json.raw(statements.statement(StatementQuery.of(partner.id(), month).asOf(asOf)).toJson());
      counts.statements++;
    }
    json.endArray();
  }

  private static String iban(Iban iban, IbanDisclosure disclosure) {
    return switch (disclosure) {
      case FULL -> iban.value();
      case MASKED -> iban.masked();
      case OMITTED -> null;
    };
  }

  /** What the document's totals say, summed while the entries stream past. */
  private static final class Counts {
    long attributions;
    long entries;
    long payouts;
    long statements;
    final Map<LedgerEntry.Kind, Money> byKind = new EnumMap<>(LedgerEntry.Kind.class);

    Counts(java.util.Currency currency) {
      for (LedgerEntry.Kind kind : LedgerEntry.Kind.values()) {
        byKind.put(kind, Money.zero(currency));
      }
    }

    void add(LedgerEntry e) {
      entries++;
      byKind.merge(e.kind(), e.amount(), Money::plus);
    }
  }

  /** The totals' key of a kind: {@code accrued}, ..., {@code writtenOff}. */
  private static String totalName(LedgerEntry.Kind kind) {
    String[] words = kind.name().toLowerCase(java.util.Locale.ROOT).split("_");
    StringBuilder name = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return name.toString();
  }
}

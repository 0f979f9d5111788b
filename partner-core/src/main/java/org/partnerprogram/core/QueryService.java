package org.partnerprogram.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LedgerLine;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.RateCard;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.RateVersion;
import org.partnerprogram.core.port.in.LedgerQuery;
import org.partnerprogram.core.port.in.Page;
import org.partnerprogram.core.port.in.PagePosition;
import org.partnerprogram.core.port.in.PayoutQuery;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.core.port.out.PayoutStore;

/**
 * The read-only queries of a partner page, support and finance: a partner's ledger lines and
 * payouts, keyset-paged, and the public rate card. Each runs in one unit of work and writes
 * nothing.
 *
 * <p>A page asks storage for one row more than it shows: that row's existence says whether there is
 * a next page, so the last page's {@code next} is empty without a further round trip. A page
 * position is the last row's sort key, encoded as URL-safe Base64 of a short text that starts with
 * the query kind ({@code L} or {@code P}), so a position of one kind is refused by the other.
 */
final class QueryService {
  private static final String LEDGER = "L";
  private static final String PAYOUTS = "P";
  private static final char SEPARATOR = '|';

  private static final Instant LATEST =
      Instants.MAX_EXCLUSIVE.minus(1, java.time.temporal.ChronoUnit.MICROS);

  private final ServiceContext ctx;

  /**
   * Wires the queries.
   *
   * @param ctx the terms, ports, clock and randomness
   */
  QueryService(ServiceContext ctx) {
    this.ctx = ctx;
  }

  /**
   * A page of a partner's ledger lines.
   *
   * @param query the query; never null
   * @return the page
   * @throws InvalidInputException if the query is null or its position is not a ledger position
   * @throws NotFoundException if the partner does not exist
   */
  Page<LedgerLine> ledger(LedgerQuery query) {
    if (query == null) {
      throw new InvalidInputException("query", "must not be null");
    }
    Optional<LedgerStore.LedgerLineKey> after = query.after().map(QueryService::lineKey);
    // Clamped to what storage holds: the last microsecond before Instants.MAX_EXCLUSIVE is the
    // latest instant an adapter can bind, and no order is placed in it.
    Instant from = query.month().map(ctx.terms::startOf).orElse(Instants.MIN);
    Instant start = from.isBefore(Instants.MIN) ? Instants.MIN : from;
    Instant until = query.month().map(ctx.terms::endOf).orElse(LATEST);
    Instant to = until.isAfter(LATEST) ? LATEST : until;
    return ctx.tx.execute(
        () -> {
          ctx.partner(query.partnerId());
          List<LedgerLine> rows =
              ctx.storage
                  .ledger()
                  .ledgerLines(
                      new LedgerStore.LinesWanted(
                          query.partnerId(),
                          start,
                          to,
                          query.state(),
                          ctx.now(),
                          after,
                          query.pageSize() + 1));
          return page(rows, query.pageSize(), l -> position(LedgerStore.LedgerLineKey.of(l)));
        });
  }

  /**
   * A page of a partner's payouts, newest first.
   *
   * @param query the query; never null
   * @return the page
   * @throws InvalidInputException if the query is null or its position is not a payout position
   * @throws NotFoundException if the partner does not exist
   */
  Page<Payout> payouts(PayoutQuery query) {
    if (query == null) {
      throw new InvalidInputException("query", "must not be null");
    }
    Optional<PayoutStore.PayoutKey> after = query.after().map(QueryService::payoutKey);
    return ctx.tx.execute(
        () -> {
          ctx.partner(query.partnerId());
          List<Payout> rows =
              ctx.storage
                  .payouts()
                  .payoutsOfPartner(query.partnerId(), after, query.pageSize() + 1);
          return page(
              rows,
              query.pageSize(),
              p -> position(new PayoutStore.PayoutKey(p.period(), p.payoutId())));
        });
  }

  /**
   * The programme-wide rate card in force now, with its labels.
   *
   * @return the card, or empty if no programme-wide version is in force yet
   */
  Optional<RateCard> card() {
    return ctx.tx.execute(
        () -> {
          Optional<RateVersion> version =
              ctx.storage.rates().inForceAt(Optional.empty(), ctx.now());
          if (version.isEmpty()) {
            return Optional.empty();
          }
          RateVersion v = version.get();
          Map<RateTarget, String> labels = ctx.storage.rates().labels(Optional.empty(), v.number());
          return Optional.of(
              new RateCard(
                  v.number(),
                  v.effectiveFrom(),
                  v.rates().entrySet().stream()
                      .sorted(Map.Entry.comparingByKey())
                      .map(
                          e ->
                              new RateCard.Entry(
                                  e.getKey(),
                                  e.getValue(),
                                  Optional.ofNullable(labels.get(e.getKey()))))
                      .toList()));
        });
  }

  private static <T> Page<T> page(
      List<T> rows, int pageSize, java.util.function.Function<T, PagePosition> position) {
    if (rows.size() <= pageSize) {
      return new Page<>(rows, Optional.empty());
    }
    List<T> shown = rows.subList(0, pageSize);
    return new Page<>(shown, Optional.of(position.apply(shown.get(pageSize - 1))));
  }

  // ---------------------------------------------------------------- positions

  // Both parts of the instant are encoded: seconds, then the nanosecond adjustment.
  @SuppressWarnings("JavaInstantGetSecondsGetNano")
  private static PagePosition position(LedgerStore.LedgerLineKey key) {
    return encode(
        LEDGER
            + SEPARATOR
            + key.placedAt().getEpochSecond()
            + SEPARATOR
            + key.placedAt().getNano()
            + SEPARATOR
            + key.lineNumber()
            + SEPARATOR
            + key.orderId().value());
  }

  private static PagePosition position(PayoutStore.PayoutKey key) {
    return encode(PAYOUTS + SEPARATOR + key.period() + SEPARATOR + key.payoutId().value());
  }

  private static PagePosition encode(String text) {
    return PagePosition.of(
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String[] decode(PagePosition position, String kind, int parts) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(position.token()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw notOurs(kind);
    }
    String[] fields = text.split("\\|", parts);
    if (fields.length != parts || !fields[0].equals(kind)) {
      throw notOurs(kind);
    }
    return fields;
  }

  private static LedgerStore.LedgerLineKey lineKey(PagePosition position) {
    String[] f = decode(position, LEDGER, 5);
    try {
      Instant placedAt = Instant.ofEpochSecond(Long.parseLong(f[1]), Long.parseLong(f[2]));
      return new LedgerStore.LedgerLineKey(
          Instants.check("after", placedAt), OrderId.of(f[4]), Integer.parseInt(f[3]));
    } catch (RuntimeException e) {
      throw notOurs(LEDGER);
    }
  }

  private static PayoutStore.PayoutKey payoutKey(PagePosition position) {
    String[] f = decode(position, PAYOUTS, 3);
    try {
      return new PayoutStore.PayoutKey(
          Instants.checkMonth("after", YearMonth.parse(f[1])), PayoutId.of(f[2]));
    } catch (RuntimeException e) {
      throw notOurs(PAYOUTS);
    }
  }

  private static InvalidInputException notOurs(String kind) {
    return new InvalidInputException(
        "after",
        "is not a position a "
            + (kind.equals(LEDGER) ? "ledger" : "payout")
            + " query returned; pass a page's next() unchanged");
  }
}

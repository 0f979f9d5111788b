package org.partnerprogram.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.Funnel;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.port.in.MonthPayoutsQuery;
import org.partnerprogram.core.port.in.Page;
import org.partnerprogram.core.port.in.PagePosition;
import org.partnerprogram.core.port.in.PartnerListQuery;
import org.partnerprogram.core.port.in.Reports;

/**
 * The facade's {@link Reports}: support's and finance's read-only queries across partners, each in
 * one unit of work.
 *
 * <p>As the partner page's queries do, a page asks storage for one row more than it shows, and a
 * position is URL-safe Base64 of a short text that starts with its query kind ({@code R} for a
 * partner list, {@code M} for a month's payouts, besides the partner page's {@code L} and {@code
 * P}), so that a position of one kind is refused by every other.
 */
final class ReportsGroup implements Reports {
  private static final String PARTNERS = "R";
  private static final String MONTH_PAYOUTS = "M";

  private static final Instant LATEST = Instants.MAX_EXCLUSIVE.minus(1, ChronoUnit.MICROS);

  private final ServiceContext ctx;

  ReportsGroup(ServiceContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Page<Partner> partners(PartnerListQuery query) {
    if (query == null) {
      throw new InvalidInputException("query", "must not be null");
    }
    Optional<PartnerId> after =
        query.after().map(p -> PartnerId.of(decode(p, PARTNERS, "partner list")));
    return ctx.tx.execute(
        () ->
            page(
                ctx.storage
                    .reports()
                    .partnersWithStatus(query.status(), after, query.pageSize() + 1),
                query.pageSize(),
                p -> encode(PARTNERS, p.id().value())));
  }

  @Override
  public List<Partner> find(String codeOrCustomerAccount) {
    if (codeOrCustomerAccount == null) {
      throw new InvalidInputException("codeOrCustomerAccount", "must not be null");
    }
    Optional<ReferralCode> code = attempt(() -> ReferralCode.parse(codeOrCustomerAccount));
    Optional<CustomerAccountId> account =
        attempt(() -> CustomerAccountId.of(codeOrCustomerAccount));
    if (code.isEmpty() && account.isEmpty()) {
      throw new InvalidInputException(
          "codeOrCustomerAccount", "is neither a referral code nor a customer account id");
    }
    return ctx.tx.execute(
        () -> {
          List<Partner> found = new ArrayList<>(2);
          if (code.isPresent()) {
            Optional<IssuedCode> issued = ctx.storage.codes().find(code.get());
            if (issued.isPresent()) {
              Partner owner = ctx.partner(issued.get().partnerId());
              // An erased partner's codes other than its vanity codes' pseudonyms were its own.
              if (!owner.isErased() || code.get().value().startsWith(ReferralCode.ERASED_PREFIX)) {
                found.add(owner);
              }
            }
          }
          if (account.isPresent()) {
            ctx.storage
                .partners()
                .findByCustomerAccount(account.get())
                .filter(p -> found.stream().noneMatch(f -> f.id().equals(p.id())))
                .ifPresent(found::add);
          }
          return List.copyOf(found);
        });
  }

  @Override
  public List<PartnerAmount> topPartners(Instant from, Instant to, int limit) {
    required("from", from);
    required("to", to);
    Instant start = Instants.check("from", from);
    Instant end = Instants.check("to", to);
    if (!start.isBefore(end)) {
      throw new InvalidInputException("from", "must be before to (" + from + " >= " + to + ")");
    }
    if (limit < 1 || limit > MAX_TOP) {
      throw new InvalidInputException(
          "limit", "must be between 1 and " + MAX_TOP + ", was " + limit);
    }
    return ctx.tx.execute(
        () -> ctx.storage.reports().topEarners(ctx.terms.currency(), start, end, limit));
  }

  @Override
  public Funnel funnel(YearMonth month) {
    required("month", month);
    Instants.checkMonth("month", month);
    // Clamped to what storage holds, as the ledger query does: the zone may put the first month's
    // start before Instants.MIN and the last month's end at Instants.MAX_EXCLUSIVE.
    Instant start = ctx.terms.startOf(month);
    Instant from = start.isBefore(Instants.MIN) ? Instants.MIN : start;
    Instant end = ctx.terms.endOf(month);
    Instant to = end.isAfter(LATEST) ? LATEST : end;
    return ctx.tx.execute(
        () -> ctx.storage.reports().funnel(month, from, to, ctx.terms.currency()));
  }

  @Override
  public Page<Payout> payoutsOfMonth(MonthPayoutsQuery query) {
    if (query == null) {
      throw new InvalidInputException("query", "must not be null");
    }
    Optional<PayoutId> after =
        query.after().map(p -> PayoutId.of(decode(p, MONTH_PAYOUTS, "month's payout list")));
    return ctx.tx.execute(
        () -> {
          if (ctx.storage.payouts().findClose(query.month()).isEmpty()) {
            throw new NotFoundException("month " + query.month() + " is not closed");
          }
          return page(
              ctx.storage
                  .reports()
                  .payoutsOfMonth(query.month(), query.status(), after, query.pageSize() + 1),
              query.pageSize(),
              p -> encode(MONTH_PAYOUTS, p.payoutId().value()));
        });
  }

  private static void required(String field, Object value) {
    if (value == null) {
      throw new InvalidInputException(field, "must not be null");
    }
  }

  private static <T> Optional<T> attempt(java.util.function.Supplier<T> parse) {
    try {
      return Optional.of(parse.get());
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }

  private static <T> Page<T> page(List<T> rows, int pageSize, Function<T, PagePosition> position) {
    if (rows.size() <= pageSize) {
      return new Page<>(rows, Optional.empty());
    }
    List<T> shown = rows.subList(0, pageSize);
    return new Page<>(shown, Optional.of(position.apply(shown.get(pageSize - 1))));
  }

  private static PagePosition encode(String kind, String id) {
    return PagePosition.of(
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((kind + "|" + id).getBytes(StandardCharsets.UTF_8)));
  }

  /** The id a position of a kind holds, or a typed refusal naming the list it must come from. */
  private static String decode(PagePosition position, String kind, String list) {
    InvalidInputException notOurs =
        new InvalidInputException(
            "after", "is not a position a " + list + " returned; pass a page's next() unchanged");
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(position.token()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw notOurs;
    }
    String[] fields = text.split("\\|", 2);
    if (fields.length != 2 || !fields[0].equals(kind) || fields[1].isEmpty()) {
      throw notOurs;
    }
    return fields[1];
  }
}

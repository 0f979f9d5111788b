package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;

/**
 * Asks for a partner's statement of a closed month, produced as of now (the programme's clock) or
 * as of a given instant: the same month as of the same instant is the same statement, byte for
 * byte, whenever it is produced.
 *
 * <pre>{@code
 * StatementQuery.of(partnerId, YearMonth.of(2026, 11))
 * StatementQuery.of(partnerId, YearMonth.of(2026, 11)).asOf(Instant.parse("2026-12-05T09:00:00Z"))
 * }</pre>
 */
public final class StatementQuery {
  private final PartnerId partnerId;
  private final YearMonth month;
  private final Instant asOf;

  private StatementQuery(PartnerId partnerId, YearMonth month, Instant asOf) {
    this.partnerId = partnerId;
    this.month = month;
    this.asOf = asOf;
  }

  /**
   * A partner's statement of a month, as of now.
   *
   * @param partnerId the partner; never null
   * @param month the closed month; never null
   * @return the query
   * @throws InvalidInputException if an argument is null or the month is out of range
   */
  public static StatementQuery of(PartnerId partnerId, YearMonth month) {
    if (partnerId == null || month == null) {
      throw new InvalidInputException("statement", "partnerId and month must not be null");
    }
    Instants.checkMonth("month", month);
    return new StatementQuery(partnerId, month, null);
  }

  /**
   * The same statement, produced as of an instant: events after it are left out, and the header
   * says it was produced then.
   *
   * @param at the instant; never null; at or after the month's close and not after now (checked
   *     when the statement is produced)
   * @return a new query
   * @throws InvalidInputException if the instant is null or out of range
   */
  public StatementQuery asOf(Instant at) {
    return new StatementQuery(partnerId, month, Instants.check("asOf", at));
  }

  /**
   * The partner.
   *
   * @return never null
   */
  public PartnerId partnerId() {
    return partnerId;
  }

  /**
   * The month.
   *
   * @return never null
   */
  public YearMonth month() {
    return month;
  }

  /**
   * The instant the statement is produced as of.
   *
   * @return the instant, or empty for now
   */
  public Optional<Instant> asOf() {
    return Optional.ofNullable(asOf);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StatementQuery q
        && partnerId.equals(q.partnerId)
        && month.equals(q.month)
        && Objects.equals(asOf, q.asOf);
  }

  @Override
  public int hashCode() {
    return Objects.hash(partnerId, month, asOf);
  }

  @Override
  public String toString() {
    return "StatementQuery[" + partnerId + ", " + month + (asOf == null ? "" : ", " + asOf) + "]";
  }
}

package org.partnerprogram.core.port.in;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Text;

/**
 * Asks for a page of the audit trail, newest first: the records concerning one partner, those of
 * one actor (both by sequence, highest first), or those of one month in the programme's zone (by
 * time, latest first). Every one of these is an index range in the JDBC adapter.
 *
 * <pre>{@code
 * Page<AuditRecord> page = program.audit().records(AuditQuery.ofActor("alice@host.example"));
 * page = program.audit().records(AuditQuery.ofActor("alice@host.example").after(page.next().get()));
 * }</pre>
 */
public final class AuditQuery {
  /** The page size a query starts with. */
  public static final int DEFAULT_PAGE_SIZE = 50;

  /** The largest page a query may ask for. */
  public static final int MAX_PAGE_SIZE = 200;

  /** Which records a query asks for. */
  public enum Kind {
    /** The records concerning one partner. */
    PARTNER,
    /** The records of one actor. */
    ACTOR,
    /** The records of one month. */
    MONTH
  }

  private final Kind kind;
  private final PartnerId partnerId;
  private final String actor;
  private final YearMonth month;
  private final int pageSize;
  private final PagePosition after;

  private AuditQuery(
      Kind kind,
      PartnerId partnerId,
      String actor,
      YearMonth month,
      int pageSize,
      PagePosition after) {
    this.kind = kind;
    this.partnerId = partnerId;
    this.actor = actor;
    this.month = month;
    this.pageSize = pageSize;
    this.after = after;
  }

  /**
   * The records concerning a partner.
   *
   * @param partnerId the partner; never null
   * @return the first page's query, of {@value #DEFAULT_PAGE_SIZE}
   * @throws InvalidInputException if the partner is null
   */
  public static AuditQuery ofPartner(PartnerId partnerId) {
    if (partnerId == null) {
      throw new InvalidInputException("partnerId", "must not be null");
    }
    return new AuditQuery(Kind.PARTNER, partnerId, null, null, DEFAULT_PAGE_SIZE, null);
  }

  /**
   * The records of an actor.
   *
   * @param actor the actor, as {@link Act#actor()}
   * @return the first page's query, of {@value #DEFAULT_PAGE_SIZE}
   * @throws InvalidInputException if the actor is not a valid actor
   */
  public static AuditQuery ofActor(String actor) {
    Text.identifier("actor", actor, Act.MAX_ACTOR_LENGTH);
    return new AuditQuery(Kind.ACTOR, null, actor, null, DEFAULT_PAGE_SIZE, null);
  }

  /**
   * The records of a month in the programme's time zone.
   *
   * @param month the month; never null
   * @return the first page's query, of {@value #DEFAULT_PAGE_SIZE}
   * @throws InvalidInputException if the month is null or out of range
   */
  public static AuditQuery ofMonth(YearMonth month) {
    Instants.checkMonth("month", month);
    return new AuditQuery(Kind.MONTH, null, null, month, DEFAULT_PAGE_SIZE, null);
  }

  /**
   * How many records a page holds at most.
   *
   * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
   * @return a new query
   * @throws InvalidInputException if the size is out of range
   */
  public AuditQuery pageSize(int pageSize) {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new InvalidInputException(
          "pageSize", "must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
    }
    return new AuditQuery(kind, partnerId, actor, month, pageSize, after);
  }

  /**
   * The page after a page this query returned.
   *
   * @param position the previous page's {@link Page#next()}; never null
   * @return a new query
   * @throws InvalidInputException if the position is null
   */
  public AuditQuery after(PagePosition position) {
    if (position == null) {
      throw new InvalidInputException("after", "must not be null");
    }
    return new AuditQuery(kind, partnerId, actor, month, pageSize, position);
  }

  /**
   * Which records the query asks for.
   *
   * @return never null
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The partner, for {@link Kind#PARTNER}.
   *
   * @return the partner, or empty for the other kinds
   */
  public Optional<PartnerId> partnerId() {
    return Optional.ofNullable(partnerId);
  }

  /**
   * The actor, for {@link Kind#ACTOR}.
   *
   * @return the actor, or empty for the other kinds
   */
  public Optional<String> actor() {
    return Optional.ofNullable(actor);
  }

  /**
   * The month, for {@link Kind#MONTH}.
   *
   * @return the month, or empty for the other kinds
   */
  public Optional<YearMonth> month() {
    return Optional.ofNullable(month);
  }

  /**
   * The most records a page holds.
   *
   * @return 1 to {@value #MAX_PAGE_SIZE}
   */
  public int pageSize() {
    return pageSize;
  }

  /**
   * Where the previous page ended.
   *
   * @return the position, or empty for the first page
   */
  public Optional<PagePosition> after() {
    return Optional.ofNullable(after);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditQuery q
        && kind == q.kind
        && Objects.equals(partnerId, q.partnerId)
        && Objects.equals(actor, q.actor)
        && Objects.equals(month, q.month)
        && pageSize == q.pageSize
        && Objects.equals(after, q.after);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, partnerId, actor, month, pageSize, after);
  }

  @Override
  public String toString() {
    return "AuditQuery["
        + (kind == Kind.PARTNER
            ? "partner " + partnerId
            : kind == Kind.ACTOR ? "actor " + actor : "month " + month)
        + ", page of "
        + pageSize
        + (after == null ? "" : ", after " + after)
        + "]";
  }
}

package org.partnerprogram.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.partnerprogram.core.domain.AuditHead;
import org.partnerprogram.core.domain.AuditRecord;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.port.in.Audit;
import org.partnerprogram.core.port.in.AuditQuery;
import org.partnerprogram.core.port.in.AuditVerification;
import org.partnerprogram.core.port.in.AuditVerification.Break;
import org.partnerprogram.core.port.in.AuditVerification.Problem;
import org.partnerprogram.core.port.in.Page;
import org.partnerprogram.core.port.in.PagePosition;
import org.partnerprogram.core.port.out.AuditStore;
import org.partnerprogram.core.port.out.AuditStore.AuditKey;

/**
 * The facade's {@link Audit}: pages of the trail and its verification. A page asks storage for one
 * record more than it shows, as the other queries do; a position is URL-safe Base64 of the query
 * kind's letter and the last record's key, so that a position of one kind is refused by another.
 */
final class AuditGroup implements Audit {
  /** Records per unit of work while verifying. */
  static final int VERIFY_PAGE = 500;

  private static final char SEPARATOR = '|';

  private final ServiceContext ctx;

  AuditGroup(ServiceContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Page<AuditRecord> records(AuditQuery query) {
    if (query == null) {
      throw new InvalidInputException("query", "must not be null");
    }
    String kind = query.kind().name();
    int limit = query.pageSize() + 1;
    AuditStore store = ctx.storage.audit();
    return switch (query.kind()) {
      case PARTNER -> {
        OptionalLong before = sequenceAfter(query, kind);
        yield page(
            ctx.tx.execute(() -> store.ofPartner(query.partnerId().orElseThrow(), before, limit)),
            query.pageSize(),
            r -> encode(kind + SEPARATOR + r.sequence()));
      }
      case ACTOR -> {
        OptionalLong before = sequenceAfter(query, kind);
        yield page(
            ctx.tx.execute(() -> store.ofActor(query.actor().orElseThrow(), before, limit)),
            query.pageSize(),
            r -> encode(kind + SEPARATOR + r.sequence()));
      }
      case MONTH -> {
        Optional<AuditKey> before = query.after().map(p -> periodKey(p, kind));
        Instant from = ctx.terms.startOf(query.month().orElseThrow());
        Instant to = ctx.terms.endOf(query.month().orElseThrow());
        yield page(
            ctx.tx.execute(() -> store.inPeriod(from, to, before, limit)),
            query.pageSize(),
            r -> encode(position(kind, r)));
      }
    };
  }

  // Both parts of the instant are encoded: seconds, then the nanosecond adjustment.
  @SuppressWarnings("JavaInstantGetSecondsGetNano")
  private static String position(String kind, AuditRecord r) {
    return kind
        + SEPARATOR
        + r.recordedAt().getEpochSecond()
        + SEPARATOR
        + r.recordedAt().getNano()
        + SEPARATOR
        + r.sequence();
  }

  private static Page<AuditRecord> page(
      List<AuditRecord> rows, int pageSize, Function<AuditRecord, PagePosition> position) {
    if (rows.size() <= pageSize) {
      return new Page<>(rows, Optional.empty());
    }
    List<AuditRecord> shown = rows.subList(0, pageSize);
    return new Page<>(shown, Optional.of(position.apply(shown.get(pageSize - 1))));
  }

  @Override
  public AuditVerification verify() {
    AuditStore store = ctx.storage.audit();
    AuditHead head = ctx.tx.execute(store::head);
    long checked = 0;
    long expected = 1;
    String previous = AuditRecord.GENESIS_HASH;
    while (expected <= head.sequence()) {
      long after = expected - 1;
      List<AuditRecord> page = ctx.tx.execute(() -> store.chain(after, VERIFY_PAGE));
      if (page.isEmpty()) {
        break;
      }
      for (AuditRecord r : page) {
        if (r.sequence() > head.sequence()) {
          break; // appended after the head was read: the next verification's
        }
        checked++;
        if (r.sequence() != expected) {
          return broken(
              checked,
              expected,
              Problem.GAP,
              "record " + expected + " is missing: the next record stored is " + r.sequence());
        }
        if (!r.expectedHash(previous).equals(r.hash())) {
          return broken(
              checked,
              expected,
              Problem.HASH_MISMATCH,
              "record "
                  + expected
                  + " does not match its hash: it was changed, or the record before it was");
        }
        previous = r.hash();
        expected++;
      }
      if (page.size() < VERIFY_PAGE) {
        break;
      }
    }
    if (expected <= head.sequence()) {
      return broken(
          checked,
          expected,
          Problem.GAP,
          "records "
              + expected
              + " to "
              + head.sequence()
              + " are missing: the head names record "
              + head.sequence());
    }
    if (!previous.equals(head.hash())) {
      return broken(
          checked,
          head.sequence(),
          Problem.HEAD_MISMATCH,
          "the head's hash is not the hash of record " + head.sequence());
    }
    // A record after the head is an append made since the head was read, which moved the head
    // with it in its unit of work; unless the head was rewound or removed behind the SDK's back.
    long end = head.sequence();
    List<AuditRecord> beyond = ctx.tx.execute(() -> store.chain(end, 1));
    if (!beyond.isEmpty()) {
      AuditHead now = ctx.tx.execute(store::head);
      if (now.sequence() < beyond.get(0).sequence()) {
        return broken(
            checked,
            beyond.get(0).sequence(),
            Problem.HEAD_MISMATCH,
            "record "
                + beyond.get(0).sequence()
                + " is stored after the head, which names record "
                + now.sequence());
      }
    }
    return new AuditVerification(checked, Optional.empty());
  }

  private static AuditVerification broken(
      long checked, long sequence, Problem problem, String detail) {
    return new AuditVerification(checked, Optional.of(new Break(sequence, problem, detail)));
  }

  // ---------------------------------------------------------------- positions

  private static OptionalLong sequenceAfter(AuditQuery query, String kind) {
    if (query.after().isEmpty()) {
      return OptionalLong.empty();
    }
    String[] f = decode(query.after().get(), kind, 2);
    try {
      long sequence = Long.parseLong(f[1]);
      if (sequence < 1) {
        throw notOurs(kind);
      }
      return OptionalLong.of(sequence);
    } catch (NumberFormatException e) {
      throw notOurs(kind);
    }
  }

  private static AuditKey periodKey(PagePosition position, String kind) {
    String[] f = decode(position, kind, 4);
    try {
      Instant at = Instant.ofEpochSecond(Long.parseLong(f[1]), Long.parseLong(f[2]));
      long sequence = Long.parseLong(f[3]);
      if (sequence < 1) {
        throw notOurs(kind);
      }
      return new AuditKey(Instants.check("after", at), sequence);
    } catch (RuntimeException e) {
      throw notOurs(kind);
    }
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

  private static InvalidInputException notOurs(String kind) {
    return new InvalidInputException(
        "after",
        "is not a position an audit query of kind "
            + kind
            + " returned; pass a page's next() unchanged");
  }
}

package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The audit record's hash: over every field, unambiguous, chained, and the same everywhere. */
class AuditRecordTest {
  private static final Instant AT = Instant.parse("2026-11-02T09:00:00.123456Z");
  private static final PartnerId JAN = PartnerId.of("p-jan");

  /** The fields of one record, to vary one at a time. */
  private record Fields(
      String previous,
      long sequence,
      Instant at,
      String actor,
      AuditAction action,
      Optional<PartnerId> partner,
      String subject,
      String reason) {
    String hash() {
      return AuditRecord.hashOf(previous, sequence, at, actor, action, partner, subject, reason);
    }
  }

  private static final Fields BASE =
      new Fields(
          AuditRecord.GENESIS_HASH,
          1,
          AT,
          "alice@host.example",
          AuditAction.PARTNER_SUSPENDED,
          Optional.of(JAN),
          "",
          "fraud review");

  @Test
  void changingAnyFieldChangesTheHash() {
    List<UnaryOperator<Fields>> changes =
        List.of(
            f ->
                new Fields(
                    "1" + f.previous().substring(1),
                    f.sequence(),
                    f.at(),
                    f.actor(),
                    f.action(),
                    f.partner(),
                    f.subject(),
                    f.reason()),
            f ->
                new Fields(
                    f.previous(),
                    2,
                    f.at(),
                    f.actor(),
                    f.action(),
                    f.partner(),
                    f.subject(),
                    f.reason()),
            f ->
                new Fields(
                    f.previous(),
                    f.sequence(),
                    f.at().plusNanos(1000),
                    f.actor(),
                    f.action(),
                    f.partner(),
                    f.subject(),
                    f.reason()),
            f ->
                new Fields(
                    f.previous(),
                    f.sequence(),
                    f.at().plusSeconds(1),
                    f.actor(),
                    f.action(),
                    f.partner(),
                    f.subject(),
                    f.reason()),
            f ->
                new Fields(
                    f.previous(),
                    f.sequence(),
                    f.at(),
                    "bob@host.example",
                    f.action(),
                    f.partner(),
                    f.subject(),
                    f.reason()),
            f ->
                new Fields(
                    f.previous(),
                    f.sequence(),
                    f.at(),
                    f.actor(),
                    AuditAction.PARTNER_REINSTATED,
                    f.partner(),
                    f.subject(),
                    f.reason()),
            f ->
                new Fields(
                    f.previous(),
                    f.sequence(),
                    f.at(),
                    f.actor(),
                    f.action(),
                    Optional.empty(),
                    f.subject(),
                    f.reason()),
            f ->
                new Fields(
                    f.previous(),
                    f.sequence(),
                    f.at(),
                    f.actor(),
                    f.action(),
                    Optional.of(PartnerId.of("p-piet")),
                    f.subject(),
                    f.reason()),
            f ->
                new Fields(
                    f.previous(),
                    f.sequence(),
                    f.at(),
                    f.actor(),
                    f.action(),
                    f.partner(),
                    "2026-11",
                    f.reason()),
            f ->
                new Fields(
                    f.previous(),
                    f.sequence(),
                    f.at(),
                    f.actor(),
                    f.action(),
                    f.partner(),
                    f.subject(),
                    "fraud review."));
    Set<String> hashes =
        changes.stream().map(c -> c.apply(BASE).hash()).collect(Collectors.toSet());
    assertThat(hashes).hasSize(changes.size()).doesNotContain(BASE.hash());
  }

  @Test
  void theEncodingIsUnambiguousAcrossFieldBoundaries() {
    Fields abC = new Fields(BASE.previous(), 1, AT, "ab", BASE.action(), Optional.empty(), "", "c");
    Fields aBc = new Fields(BASE.previous(), 1, AT, "a", BASE.action(), Optional.empty(), "", "bc");
    assertThat(abC.hash()).isNotEqualTo(aBc.hash());
    // the subject and the reason, and an empty subject against a moved character
    Fields subjectX =
        new Fields(BASE.previous(), 1, AT, "a", BASE.action(), Optional.empty(), "x", "y");
    Fields reasonXy =
        new Fields(BASE.previous(), 1, AT, "a", BASE.action(), Optional.empty(), "", "xy");
    assertThat(subjectX.hash()).isNotEqualTo(reasonXy.hash());
    // seconds and nanoseconds are separate fields: 1.000000010 s is not 10.000000001 s
    Fields one =
        new Fields(
            BASE.previous(),
            1,
            Instant.ofEpochSecond(1, 10_000),
            "a",
            BASE.action(),
            Optional.empty(),
            "",
            "r");
    Fields ten =
        new Fields(
            BASE.previous(),
            1,
            Instant.ofEpochSecond(11, 0),
            "a",
            BASE.action(),
            Optional.empty(),
            "",
            "r");
    assertThat(one.hash()).isNotEqualTo(ten.hash());
  }

  @Test
  void theHashIsPinnedSoThatEveryAdapterAndReleaseComputesTheSame() {
    // Computed outside Java (Python's hashlib over the same length-prefixed UTF-8 fields:
    // "pp-audit-1", 64 zeros, "1", "1793610000", "123456000", the actor, "PARTNER_SUSPENDED",
    // "1", "p-jan", "", the reason). A change of the encoding would break every stored chain.
    assertThat(BASE.hash())
        .isEqualTo("3daadbcfe141445e8d862af195dbdefa4287d9f989ee878bc37a9b77ce27c622");
  }

  @Test
  void aDraftChainsAfterTheHeadWithTheNextSequence() {
    Act act = Act.by("alice@host.example", "fraud review");
    AuditDraft draft =
        new AuditDraft(AT.plusNanos(789), act, AuditAction.PARTNER_SUSPENDED, Optional.of(JAN), "");
    AuditRecord first = draft.chainedAfter(AuditHead.EMPTY);
    assertThat(first.sequence()).isEqualTo(1);
    assertThat(first.recordedAt()).isEqualTo(AT); // to the microsecond
    assertThat(first.hash()).isEqualTo(BASE.hash());
    assertThat(first.expectedHash(AuditRecord.GENESIS_HASH)).isEqualTo(first.hash());
    AuditRecord second = draft.chainedAfter(AuditHead.of(first));
    assertThat(second.sequence()).isEqualTo(2);
    assertThat(second.hash())
        .isEqualTo(second.expectedHash(first.hash()))
        .isNotEqualTo(first.hash());
  }

  @Test
  void aDraftRefusesAMalformedSubjectOrMissingParts() {
    Act act = Act.by("alice@host.example", "fraud review");
    assertThatThrownBy(
            () -> new AuditDraft(AT, act, AuditAction.MONTH_CLOSED, Optional.empty(), "2026 11"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                new AuditDraft(
                    AT, act, AuditAction.MONTH_CLOSED, Optional.empty(), "x".repeat(101)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> new AuditDraft(AT, null, AuditAction.MONTH_CLOSED, Optional.empty(), ""))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> new AuditDraft(null, act, AuditAction.MONTH_CLOSED, Optional.empty(), ""))
        .isInstanceOf(InvalidInputException.class);
  }
}

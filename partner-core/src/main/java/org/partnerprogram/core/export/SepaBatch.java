package org.partnerprogram.core.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Money;

/**
 * A batch of credit transfers to be written as one pain.001 file. Everything that ends up in the
 * file is part of the batch (including its creation time), so writing the same batch again gives a
 * byte-identical file.
 *
 * @param messageId the file's id (MsgId, also used as PmtInfId): 1 to 35 characters of A-Z a-z 0-9
 *     and {@code + ? / - : ( ) . , '}; never null
 * @param createdAt the creation time written as CreDtTm (to the second); never null
 * @param requestedExecutionDate the day the bank should pay; never null
 * @param debtor the paying account; never null
 * @param transfers the transfers, at least one, with distinct end-to-end ids; never null
 */
public record SepaBatch(
    String messageId,
    Instant createdAt,
    LocalDate requestedExecutionDate,
    SepaDebtor debtor,
    List<SepaTransfer> transfers) {

  /**
   * Validates the batch.
   *
   * @throws InvalidInputException if the id is malformed, a component null, the batch empty, or an
   *     end-to-end id repeats
   */
  public SepaBatch {
    requireSepaId("messageId", messageId);
    if (createdAt == null || requestedExecutionDate == null || debtor == null) {
      throw new InvalidInputException(
          "batch", "createdAt, requestedExecutionDate and debtor must not be null");
    }
    if (transfers == null || transfers.isEmpty()) {
      throw new InvalidInputException("transfers", "a SEPA batch needs at least one transfer");
    }
    org.partnerprogram.core.domain.Instants.checkDate(
        "requestedExecutionDate", requestedExecutionDate);
    transfers = List.copyOf(transfers);
    Set<String> ids = new HashSet<>();
    for (SepaTransfer t : transfers) {
      if (!ids.add(t.endToEndId())) {
        throw new InvalidInputException("endToEndId", t.endToEndId() + " repeats in the batch");
      }
    }
  }

  /**
   * The control sum: the sum of all amounts.
   *
   * @return the total in EUR
   */
  public Money controlSum() {
    Money sum = Money.zero(transfers.get(0).amount().currency());
    for (SepaTransfer t : transfers) {
      sum = sum.plus(t.amount());
    }
    return sum;
  }

  static void requireSepaId(String field, String id) {
    Objects.requireNonNull(field);
    if (id == null || id.isEmpty() || id.length() > 35) {
      throw new InvalidInputException(field, "must be 1 to 35 characters");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == ' ' || !SepaText.isSepa(c)) {
        throw new InvalidInputException(
            field, "may only contain A-Z a-z 0-9 and + ? / - : ( ) . , ' (no spaces)");
      }
    }
    if (id.startsWith("/") || id.contains("//")) {
      throw new InvalidInputException(field, "must not start with / or contain //");
    }
  }
}

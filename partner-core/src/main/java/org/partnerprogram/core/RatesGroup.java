package org.partnerprogram.core;

import java.util.Optional;
import org.partnerprogram.core.domain.RateCard;
import org.partnerprogram.core.domain.RateVersion;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.Rates;

/** The facade's {@link Rates}: rate changes and the public rate card. */
final class RatesGroup implements Rates {
  private final RateCardService changes;
  private final QueryService queries;

  RatesGroup(RateCardService changes, QueryService queries) {
    this.changes = changes;
    this.queries = queries;
  }

  @Override
  public RateVersion change(RateChange change) {
    return changes.changeRates(change);
  }

  @Override
  public Optional<RateCard> card() {
    return queries.card();
  }
}

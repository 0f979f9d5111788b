package org.partnerprogram.core.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.event.CustomerAttributed;
import org.partnerprogram.core.domain.event.PartnerErased;
import org.partnerprogram.testkit.CustomerErasureScenario;
import org.partnerprogram.testkit.PartnerErasureScenario;
import org.partnerprogram.testkit.ProgramFixture;
import org.partnerprogram.testkit.StoredTexts;

/**
 * After a customer's erasure, the in-memory adapter holds neither their account id nor their
 * visitor id anywhere: every text reachable from the storage (every store's fields, every published
 * event) is scanned, so a store or field added later is covered too.
 */
class InMemoryCustomerErasureScanTest {

  @Test
  void noStoredValueOrPublishedEventHoldsTheErasedCustomersIds() {
    InMemoryStorage storage = new InMemoryStorage();
    CustomerErasureScenario scenario = CustomerErasureScenario.on(storage);
    // the scan sees both ids before: it can fail
    assertThat(StoredTexts.containing(storage, CustomerErasureScenario.erasedTexts()))
        .anyMatch(t -> t.contains(CustomerErasureScenario.CUSTOMER.value()))
        .anyMatch(t -> t.contains(CustomerErasureScenario.VISITOR.value()));

    scenario.erase();

    assertThat(StoredTexts.containing(storage, CustomerErasureScenario.erasedTexts())).isEmpty();
    assertThat(storage.publishedEvents())
        .filteredOn(CustomerAttributed.class::isInstance)
        .map(e -> ((CustomerAttributed) e).customerPseudonym())
        .contains(ProgramFixture.PSEUDONYM_KEY.pseudonymOf(CustomerErasureScenario.CUSTOMER));
  }

  @Test
  void noStoredValueOrPublishedEventHoldsTheErasedPartnersData() {
    InMemoryStorage storage = new InMemoryStorage();
    PartnerErasureScenario scenario = PartnerErasureScenario.on(storage);
    List<String> texts = PartnerErasureScenario.erasedTexts();
    // the scan sees every kind of text before: it can fail
    for (String text : texts) {
      assertThat(StoredTexts.containing(storage, List.of(text))).as(text).isNotEmpty();
    }

    scenario.erase();

    assertThat(StoredTexts.containing(storage, texts)).isEmpty();
    assertThat(storage.publishedEvents())
        .filteredOn(PartnerErased.class::isInstance)
        .map(e -> ((PartnerErased) e).partnerId())
        .containsExactly(scenario.partner);
  }
}

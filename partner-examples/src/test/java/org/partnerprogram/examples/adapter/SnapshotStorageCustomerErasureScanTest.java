package org.partnerprogram.examples.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerprogram.testkit.CustomerErasureScenario;
import org.partnerprogram.testkit.PartnerErasureScenario;
import org.partnerprogram.testkit.StoredTexts;

/**
 * Step 5 of proving an adapter that keeps its data as objects: after a customer's erasure, no value
 * it holds (its committed snapshot, events included) contains their account id or visitor id; after
 * a partner's, none contains the partner's account id, IBANs, holder names or vanity code. The
 * kit's {@link StoredTexts} walks the adapter's object graph, so nothing needs listing here.
 */
class SnapshotStorageCustomerErasureScanTest {

  @Test
  void noStoredValueOrCommittedEventHoldsTheErasedCustomersIds() {
    SnapshotStorage storage = new SnapshotStorage();
    CustomerErasureScenario scenario = CustomerErasureScenario.on(storage);
    assertThat(StoredTexts.containing(storage, CustomerErasureScenario.erasedTexts()))
        .as("the scan sees the ids before the erasure")
        .isNotEmpty();

    scenario.erase();

    assertThat(StoredTexts.containing(storage, CustomerErasureScenario.erasedTexts())).isEmpty();
    assertThat(scenario.booksAsOfBefore()).isEqualTo(scenario.before);
  }

  @Test
  void noStoredValueOrCommittedEventHoldsTheErasedPartnersData() {
    SnapshotStorage storage = new SnapshotStorage();
    PartnerErasureScenario scenario = PartnerErasureScenario.on(storage);
    List<String> texts = PartnerErasureScenario.erasedTexts();
    assertThat(StoredTexts.containing(storage, texts))
        .as("the scan sees every text before the erasure")
        .anyMatch(t -> t.contains(PartnerErasureScenario.ACCOUNT.value()))
        .anyMatch(t -> t.contains(PartnerErasureScenario.FIRST_IBAN))
        .anyMatch(t -> t.contains(PartnerErasureScenario.HOLDER));

    scenario.erase();

    assertThat(StoredTexts.containing(storage, texts)).isEmpty();
  }
}

package org.partnerprogram.examples.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.partnerprogram.testkit.Gens;
import org.partnerprogram.testkit.RateTable;

/** The README's tour of the generator facade is this code, so it compiles and cannot rot. */
class GensReadmeSnippetTest {

  @SuppressWarnings("unused") // the snippet shows calls, their results are not the point here
  private static void theSnippet(RateTable rateTable) {
    // tag::gens[]
    Gens.money().in("EUR").between("0.01", "999.99"); // Gen<Money>
    Gens.rateTables().products(3).versions(1, 4).overrides(0, 2); // Gen<RateTable> of RateVersions
    Gens.orders().over(rateTable).lines(1, 5); // Gen<Order>; .several(1, 12) for lists
    Gens.ibans().valid(); // Gen<Iban>
    Gens.ibans().corrupted(); // Gen<CorruptedIban>
    Gens.referralCodes(); // Gen<ReferralCode>
    Gens.referralCodes().vanity();
    Gens.programmeMonths().partners(3).customers(10).duplicates(0.1).reorderings(true);
    // end::gens[]
  }

  @Test
  void theSnippetsGeneratorsGenerate() {
    qt().withExamples(20)
        .forAll(Gens.rateTables().products(3).versions(1, 4).overrides(0, 2))
        .checkAssert(
            table -> {
              theSnippet(table);
              assertThat(table.programmeWide()).hasSizeBetween(1, 4);
            });
  }
}

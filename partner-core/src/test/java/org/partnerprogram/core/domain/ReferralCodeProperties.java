package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReferralCodeProperties {

  @Test
  void aMillionGeneratedCodesHaveNoDuplicatesAndStayInTheAlphabet() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>(2_000_000);
    for (int i = 0; i < 1_000_000; i++) {
      String code = ReferralCode.generate(random).value();
      assertThat(code).hasSize(ReferralCode.GENERATED_LENGTH);
      for (int k = 0; k < code.length(); k++) {
        if (ReferralCode.ALPHABET.indexOf(code.charAt(k)) < 0) {
          throw new AssertionError("character outside the alphabet in " + code);
        }
      }
      seen.add(code);
    }
    assertThat(seen).hasSize(1_000_000);
  }

  @Test
  void generatedCodesParseBackInAnyCase() {
    qt().forAll(longs().all())
        .checkAssert(
            seed -> {
              ReferralCode code = ReferralCode.generate(new SplittableRandom(seed));
              assertThat(ReferralCode.parse(code.value().toLowerCase(Locale.ROOT))).isEqualTo(code);
              assertThat(ReferralCode.parse("  " + code.value() + " ")).isEqualTo(code);
            });
  }

  @Test
  void theAlphabetHasNoLookAlikes() {
    for (char c : new char[] {'0', 'O', '1', 'I', 'L', 'U'}) {
      assertThat(ReferralCode.ALPHABET).doesNotContain(String.valueOf(c));
    }
    assertThat(ReferralCode.ALPHABET.chars().distinct().count()).isEqualTo(30);
  }
}
